using System.Globalization;

namespace Swarm.Benchmarks.Measurement;

/// <summary>
/// The local host's managed heap, read through the <see cref="StartupHook"/> running inside it. Reading it forces a full
/// garbage collection in the host, so read the host's RSS first.
/// </summary>
/// <param name="CommittedBytes">Memory the GC had committed before the forced collection (part of the RSS).</param>
/// <param name="LiveBytes">Bytes of live objects after a full compacting collection.</param>
/// <param name="HeapBytes">The heap's size after that collection, fragmentation included.</param>
sealed record ManagedHeap(long CommittedBytes, long LiveBytes, long HeapBytes, bool ServerGc)
{
    /// <summary>The environment variable that names the folder the probe and the benchmark talk through.</summary>
    public const string ProbeVariable = "SWARM_BENCH_HEAP_PROBE";

    public const string RequestFile = "request";

    public const string AnswerFile = "answer";

    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Asks the probe in the host that talks through <paramref name="folder"/>; null if it does not answer in time.</summary>
    public static async Task<ManagedHeap?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var answer = Path.Combine(folder, AnswerFile);
        File.Delete(answer);
        await File.WriteAllTextAsync(Path.Combine(folder, RequestFile), "read", cancellationToken);
        var deadline = DateTime.UtcNow + Patience;
        while (!File.Exists(answer))
        {
            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(50, cancellationToken);
        }

        var values = (await File.ReadAllLinesAsync(answer, cancellationToken))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        long Number(string key) => long.Parse(values[key], CultureInfo.InvariantCulture);
        return new ManagedHeap(Number("committed"), Number("live"), Number("heap"), bool.Parse(values["server"]));
    }
}
