using Microsoft.DurableTask.Client;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Learning;

/// <summary>Tasks' ratings as code outside the workflows uses them: a signal to <see cref="TaskRatingsEntity"/> and reads.</summary>
public sealed class FeedbackClient(DurableTaskClient durable)
{
    /// <summary>Hands the rating, and what it teaches, to the task's ratings; they pass it on only if they keep it.</summary>
    public Task DeliverAsync(RatingDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return durable.Entities.SignalEntityAsync(TaskRatingsEntity.IdFor(delivery.TaskId), nameof(TaskRatingsEntity.Deliver), delivery, cancellation: cancellationToken);
    }

    /// <summary>The task's ratings; none for a task nobody has rated.</summary>
    public async Task<TaskRatings> GetAsync(string taskId, CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<TaskRatings>(TaskRatingsEntity.IdFor(taskId), includeState: true, cancellationToken))?.State ?? new TaskRatings();

    /// <summary>Every rated task's ratings, by task id: one query over the ratings entities.</summary>
    public IAsyncEnumerable<(string TaskId, TaskRatings Ratings)> GetAllAsync(CancellationToken cancellationToken) =>
        EntityStates.GetAllAsync<TaskRatings>(durable, TaskRatingsEntity.EntityName, cancellationToken);
}
