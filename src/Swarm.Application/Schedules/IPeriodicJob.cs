using Microsoft.DurableTask.Client;

namespace Swarm.Application.Schedules;

/// <summary>
/// Work that runs on a schedule: a timer function in Azure, a hosted service in the local host. Both read
/// the NCRONTAB schedule (six fields, seconds first) from the setting named <see cref="ScheduleSetting"/>.
/// </summary>
public interface IPeriodicJob
{
    /// <summary>The job's name; also its timer function's name.</summary>
    string Name { get; }

    /// <summary>The configuration key holding the schedule; the timer trigger binds to it as <c>%key%</c>.</summary>
    string ScheduleSetting { get; }

    /// <summary>Whether the job also runs once when the host starts (a timer's <c>RunOnStartup</c>).</summary>
    bool RunsAtStartup => false;

    Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken);
}
