using System.Runtime.CompilerServices;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
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

    /// <summary>Every rated task's ratings: one query over the ratings entities.</summary>
    public async IAsyncEnumerable<TaskRatings> GetAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new EntityQuery { InstanceIdStartsWith = $"@{TaskRatingsEntity.EntityName}@", IncludeState = true };
        await foreach (var entity in durable.Entities.GetAllEntitiesAsync(query).WithCancellation(cancellationToken))
        {
            if (entity.State?.ReadAs<TaskRatings>() is { } ratings)
            {
                yield return ratings;
            }
        }
    }
}
