using Microsoft.DurableTask.Entities;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Patterns;

namespace Swarm.Workflows.Learning;

/// <summary>
/// One task's ratings (<see cref="TaskRatings"/>), keyed by the task's id: their one owner. The task's view reads it.
/// A rating arrives as a <see cref="RatingDelivery"/>, and only a rating the record keeps (its rater's first, while there
/// is room) is passed on to the task atlas, the dispatch board and the agents' memory. The entity decides, one
/// operation at a time, so two racing ratings by one person teach once. Signalled, never called, so a rating never
/// waits on a task.
/// </summary>
public sealed class TaskRatingsEntity : TaskEntity<TaskRatings>
{
    /// <summary>The entity name. The runtime lowercases entity names, so it is written lowercase here.</summary>
    public const string EntityName = "taskratings";

    public static EntityInstanceId IdFor(string taskId) => new(EntityName, taskId);

    /// <summary>Keeps the rating when its rater has not rated yet, and only then tells everyone who learns from it.</summary>
    public void Deliver(RatingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        (State, var added) = State.Rate(delivery.Rating);
        if (!added)
        {
            return;
        }

        Context.SignalEntity(TaskAtlasEntity.IdFor(delivery.AtlasShard), nameof(TaskAtlasEntity.Rate), new TaskRating(delivery.TaskId, delivery.Rating));
        foreach (var signal in delivery.SkillSignals)
        {
            Context.SignalEntity(DispatchShards.Of(delivery.DispatchShards).ForAgent(signal.AgentId), nameof(DispatcherEntity.Learn), signal);
        }

        foreach (var note in delivery.MemoryNotes)
        {
            Context.SignalEntity(MemoryEntity.IdFor(note.AgentId), nameof(MemoryEntity.Put), note.Write);
        }
    }

    /// <summary>
    /// The operation of builds before <see cref="Deliver"/>, kept for their signals still queued: those builds sent the
    /// atlas, board and memory their signals themselves.
    /// </summary>
    public void Rate(Rating rating) => State = State.Rate(rating).Ratings;

    public TaskRatings Get() => State;

    protected override TaskRatings InitializeState(TaskEntityOperation entityOperation) => new();
}
