using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Health;

namespace Swarm.Application.Schedules;

/// <summary>
/// The periodic health check: runs the readiness probe, keeps the latest report for the system endpoints,
/// and logs a warning on every degraded check so an alert can fire on it.
/// </summary>
public sealed partial class HealthProbeJob(ReadinessProbe probe, LatestHealth latest, ILogger<HealthProbeJob> logger) : IPeriodicJob
{
    public string Name => "HealthProbe";

    public string ScheduleSetting => PeriodicSchedules.HealthProbeSetting;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(durable, cancellationToken);
        latest.Report = report;
        foreach (var (check, outcome) in report.Checks.Where(c => c.Value != "ok"))
        {
            LogDegraded(logger, check, outcome);
        }
    }

    [LoggerMessage(EventId = 1531, Level = LogLevel.Warning, Message = "Health probe: {Check} is {Outcome}")]
    static partial void LogDegraded(ILogger logger, string check, string outcome);
}
