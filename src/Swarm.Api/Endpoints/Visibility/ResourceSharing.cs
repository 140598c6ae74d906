using Microsoft.DurableTask.Client;
using Swarm.Domain.Visibility;
using Swarm.Workflows.Visibility;

namespace Swarm.Api.Endpoints.Visibility;

/// <summary>Gives readers a task or proposal: refused when a reader's record is full, otherwise one signal per reader.</summary>
public static class ResourceSharing
{
    /// <summary>The problem when a reader can take no more shares (and does not have this one yet); null when all can.</summary>
    public static async Task<ProblemDetails?> RefusalAsync(DurableTaskClient durable, string resourceId, IReadOnlyList<string> readers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var client = new SharesClient(durable);
        foreach (var reader in readers.Distinct(StringComparer.Ordinal))
        {
            if (await client.GetAsync(reader, cancellationToken) is { IsFull: true } record && !record.Contains(resourceId))
            {
                return Problems.Conflict($"'{reader}' has been given {ReaderShares.MaxResources} tasks and proposals, the most kept per reader; share with a role instead.");
            }
        }

        return null;
    }

    /// <summary>
    /// Sends the shares. Signals: they are durable once sent and applied in order, so a reader may see the resource a moment
    /// after the answer, never not at all; a repeated share is kept once.
    /// </summary>
    public static async Task ShareAsync(DurableTaskClient durable, string resourceId, IReadOnlyList<string> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var client = new SharesClient(durable);
        foreach (var reader in readers.Distinct(StringComparer.Ordinal))
        {
            // Not the client's cancellation: a share half sent is worse than one finished after the client left.
            await client.ShareAsync(reader, resourceId, CancellationToken.None);
        }
    }

    /// <summary>What the audit trail says of a share: who, never more (the readers are subjects, not secrets).</summary>
    public static string Detail(IReadOnlyList<string> readers) => "shared with " + string.Join(", ", readers.Distinct(StringComparer.Ordinal));
}
