using System.Globalization;
using System.Runtime;

#pragma warning disable CA1050 // The runtime finds a startup hook by this exact name in the global namespace.

/// <summary>
/// Runs inside the measured local host, not in the benchmark: the benchmark starts the host with
/// <c>DOTNET_STARTUP_HOOKS</c> naming this assembly and <see cref="Swarm.Benchmarks.Measurement.ManagedHeap.ProbeVariable"/>
/// naming a folder. When a request file appears there, it reports the GC's committed memory, forces a full compacting
/// collection and reports the live managed heap; so the managed heap can be read without changing the host or adding a
/// diagnostics package. Idle, it costs one file check every 100 ms.
/// </summary>
static class StartupHook
{
    static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(Swarm.Benchmarks.Measurement.ManagedHeap.ProbeVariable) is not { Length: > 0 } folder)
        {
            return;
        }

        new Thread(() => Serve(folder)) { IsBackground = true, Name = "benchmark heap probe" }.Start();
    }

    static void Serve(string folder)
    {
        var request = Path.Combine(folder, Swarm.Benchmarks.Measurement.ManagedHeap.RequestFile);
        var answer = Path.Combine(folder, Swarm.Benchmarks.Measurement.ManagedHeap.AnswerFile);
        while (true)
        {
            Thread.Sleep(100);
            if (!File.Exists(request))
            {
                continue;
            }

            try
            {
                var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var lines = new[]
                {
                    "committed=" + committed.ToString(CultureInfo.InvariantCulture),
                    "live=" + GC.GetTotalMemory(forceFullCollection: false).ToString(CultureInfo.InvariantCulture),
                    "heap=" + GC.GetGCMemoryInfo().HeapSizeBytes.ToString(CultureInfo.InvariantCulture),
                    "server=" + GCSettings.IsServerGC.ToString(CultureInfo.InvariantCulture),
                };
                File.WriteAllLines(answer + ".tmp", lines);
                File.Move(answer + ".tmp", answer, overwrite: true);
                File.Delete(request);
            }
#pragma warning disable CA1031 // A failing probe must never take the measured host down; the benchmark then reports no heap.
            catch (Exception)
#pragma warning restore CA1031
            {
                Thread.Sleep(1000);
            }
        }
    }
}
