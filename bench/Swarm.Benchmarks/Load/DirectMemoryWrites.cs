using System.Diagnostics;
using Swarm.Benchmarks.Api;

namespace Swarm.Benchmarks.Load;

/// <summary>
/// Memory writes made directly through the API, as a client would make them without an agent: each a
/// <c>PUT /api/v1/memory/{namespace}/{key}</c>, then <c>GET</c>s of the key until they read the value back. The
/// <c>PUT</c>'s <c>202</c> only says the write was accepted (a durable signal to the namespace's entity); the read-back
/// says the entity applied it, which is what a <c>memory_put</c> tool call waits for (an entity call, answered once
/// the write is applied), so the two are compared like for like.
/// </summary>
/// <param name="readPause">The pause between reads: the resolution of "applied".</param>
sealed class DirectMemoryWrites(SwarmApi api, TimeSpan readPause)
{
    /// <summary>How long one write may take to read back before it counts as not applied.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <paramref name="count"/> writes to a namespace, one after another (each waits until the one before it reads back)
    /// or all at once.
    /// </summary>
    public async Task<DirectWriteRun> RunAsync(string memoryNamespace, int count, bool parallel, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        List<DirectWrite> writes;
        if (parallel)
        {
            writes = [.. await Task.WhenAll(Enumerable.Range(0, count).Select(i => WriteAsync(memoryNamespace, i, cancellationToken)))];
        }
        else
        {
            writes = [];
            for (var i = 0; i < count; i++)
            {
                writes.Add(await WriteAsync(memoryNamespace, i, cancellationToken));
            }
        }

        return new DirectWriteRun(writes, clock.Elapsed);
    }

    async Task<DirectWrite> WriteAsync(string memoryNamespace, int number, CancellationToken cancellationToken)
    {
        // About as long as the simulated model's memory_put value (an excerpt of the task's prompt).
        var key = $"direct-{number}";
        var value = $"direct write {number} to {memoryNamespace}, as a tool call would make it";
        var clock = Stopwatch.StartNew();
        var (status, accepted) = await api.PutMemoryAsync(memoryNamespace, key, value, cancellationToken);
        if (status != 202)
        {
            return new DirectWrite(status, accepted, null, 0);
        }

        var reads = 0;
        while (clock.Elapsed < Patience)
        {
            reads++;
            if (await api.GetMemoryValueAsync(memoryNamespace, key, cancellationToken) == value)
            {
                return new DirectWrite(status, accepted, clock.Elapsed, reads);
            }

            await Task.Delay(readPause, cancellationToken);
        }

        return new DirectWrite(status, accepted, null, reads);
    }
}
