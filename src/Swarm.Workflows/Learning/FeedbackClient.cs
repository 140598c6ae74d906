using Microsoft.DurableTask.Client;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Learning;

/// <summary>Tasks' ratings as code outside the workflows uses them: a signal to <see cref="TaskRatingsEntity"/> and reads.</summary>
public sealed class FeedbackClient(DurableTaskClient durable)
{
    public Task RateAsync(string taskId, Rating rating, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(TaskRatingsEntity.IdFor(taskId), nameof(TaskRatingsEntity.Rate), rating, cancellation: cancellationToken);

    /// <summary>The task's ratings; none for a task nobody has rated.</summary>
    public async Task<TaskRatings> GetAsync(string taskId, CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<TaskRatings>(TaskRatingsEntity.IdFor(taskId), includeState: true, cancellationToken))?.State ?? new TaskRatings();

    /// <summary>Every rated task's ratings, by task id: one query over the ratings entities.</summary>
    public IAsyncEnumerable<(string TaskId, TaskRatings Ratings)> GetAllAsync(CancellationToken cancellationToken) =>
        EntityStates.GetAllAsync<TaskRatings>(durable, TaskRatingsEntity.EntityName, cancellationToken);
}
