using Microsoft.DurableTask.Client;
using Swarm.Domain.Visibility;

namespace Swarm.Workflows.Visibility;

/// <summary>Readers' shares as the API uses them: a signal to <see cref="ReaderSharesEntity"/> per share, and reads.</summary>
public sealed class SharesClient(DurableTaskClient durable)
{
    public Task ShareAsync(string reader, string resourceId, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(ReaderSharesEntity.IdFor(reader), nameof(ReaderSharesEntity.Share), resourceId, cancellation: cancellationToken);

    /// <summary>What was shared with <paramref name="reader"/>; nothing for a reader nobody shared with.</summary>
    public async Task<ReaderShares> GetAsync(string reader, CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<ReaderShares>(ReaderSharesEntity.IdFor(reader), includeState: true, cancellationToken))?.State ?? new ReaderShares();
}
