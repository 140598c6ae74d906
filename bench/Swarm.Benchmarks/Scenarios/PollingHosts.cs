namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// The hosts a latency scenario runs on: one with the host's defaults and, unless <c>--host-setting</c> fixes the
/// polling interval for every host, a second whose idle queues are polled at least every 100 ms, since on Azurite queue
/// polling is much of what a lone task waits for.
/// </summary>
static class PollingHosts
{
    const string PollingSetting = "durable__maxQueuePollingIntervalMs";

    const int FastPollingMs = 100;

    /// <summary>Whether <c>--host-setting</c> sets the polling interval, so there is no second host.</summary>
    public static bool Fixed(BenchmarkOptions options) =>
        options.HostSettings.Any(s => string.Equals(s.Key, PollingSetting, StringComparison.OrdinalIgnoreCase));

    /// <summary>Each host's label for the report and the settings it adds to the scenario's own.</summary>
    public static List<(string Label, Dictionary<string, string> Extra)> For(BenchmarkOptions options)
    {
        var hosts = new List<(string Label, Dictionary<string, string> Extra)> { ("host defaults", []) };
        if (!Fixed(options))
        {
            hosts.Add(($"`maxQueuePollingIntervalMs` {FastPollingMs}", new() { [PollingSetting] = LocalHostSetup.Setting(FastPollingMs) }));
        }

        return hosts;
    }

    /// <summary>The report's sentence on the second host.</summary>
    public static string Note(bool pollingFixed) => pollingFixed
        ? "The second host (idle queues polled at least every 100 ms) is skipped: `--host-setting` sets the polling interval for every host."
        : $"The same run is made on a second host whose idle queues are polled at least every {FastPollingMs} ms (`{PollingSetting}={FastPollingMs}`; the default is 1000).";
}
