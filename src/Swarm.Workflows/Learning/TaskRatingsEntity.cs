using Microsoft.DurableTask.Entities;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Learning;

/// <summary>
/// One task's ratings (<see cref="TaskRatings"/>), keyed by the task's id: their one owner. The task's view reads it;
/// the learning signals and the task atlas are told of each rating when it is given. Signalled, never called, so a
/// rating never waits on a task; the record keeps one rating per rater, so a retried signal counts once.
/// </summary>
public sealed class TaskRatingsEntity : TaskEntity<TaskRatings>
{
    /// <summary>The entity name. The runtime lowercases entity names, so it is written lowercase here.</summary>
    public const string EntityName = "taskratings";

    public static EntityInstanceId IdFor(string taskId) => new(EntityName, taskId);

    public void Rate(Rating rating) => State = State.Rate(rating).Ratings;

    public TaskRatings Get() => State;

    protected override TaskRatings InitializeState(TaskEntityOperation entityOperation) => new();
}
