using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Health;
using Swarm.Application.Realtime;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Schedules;

/// <summary>
/// The periodic health check: runs the readiness probe, keeps the latest report for the system endpoints,
/// and logs a warning on every degraded check so an alert can fire on it. When a check's outcome differs from the last
/// probe's (or the first probe finds one degraded), the operators hear it (<c>health_changed</c>).
/// </summary>
public sealed partial class HealthProbeJob(ReadinessProbe probe, LatestHealth latest, OperatorNotices notices, TimeProvider time, ILogger<HealthProbeJob> logger) : IPeriodicJob
{
    public string Name => "HealthProbe";

    public string ScheduleSetting => PeriodicSchedules.HealthProbeSetting;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(durable, cancellationToken);
        var previous = latest.Report;
        latest.Report = report;
        if (Changed(previous, report))
        {
            await notices.SendAsync([RealtimeEvents.Health(report.Ready, report.Checks, time.GetUtcNow())]);
        }

        foreach (var (check, outcome) in report.Checks.Where(c => c.Value != "ok"))
        {
            LogDegraded(logger, check, outcome);
        }
    }

    /// <summary>Whether the checks read differently now; a first report is news only when something is degraded.</summary>
    static bool Changed(ReadinessReport? previous, ReadinessReport report) => previous is null
        ? !report.Ready
        : previous.Checks.Count != report.Checks.Count || report.Checks.Any(c => previous.Checks.GetValueOrDefault(c.Key) != c.Value);

    [LoggerMessage(EventId = 1531, Level = LogLevel.Warning, Message = "Health probe: {Check} is {Outcome}")]
    static partial void LogDegraded(ILogger logger, string check, string outcome);
}
