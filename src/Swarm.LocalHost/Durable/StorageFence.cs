using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Cuts a stopped durable worker's backend off from storage, as if its process had died, so nothing it still holds can
/// reach a storage that came back. A forced stop leaves work items in flight, retrying their storage calls through the
/// outage; without the fence one could complete after the new worker started, checkpoint an entity's history over the
/// new worker's (a "split brain" one of them loses) or take messages the new worker was to have. Only the partition table
/// stays open: the old worker gives up its partitions there, and the new one takes them from it.
/// </summary>
sealed class StorageFence(string partitionTable) : HttpPipelinePolicy
{
    volatile bool closed;

    /// <summary>From now on every request but the partition table's fails at once, without reaching storage or being retried.</summary>
    public void Close() => closed = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    void Check(HttpMessage message)
    {
        if (closed && !message.Request.Uri.Path.Contains("/" + partitionTable, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestFailedException("This durable worker was stopped for a storage outage; a new one has taken its place.");
        }
    }
}
