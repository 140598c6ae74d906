using Microsoft.DurableTask.Client;
using NCrontab;
using Swarm.Application.Schedules;

namespace Swarm.LocalHost.Schedules;

/// <summary>
/// The local host's stand-in for timer functions: runs every <see cref="IPeriodicJob"/> on its NCRONTAB schedule. Like
/// a timer function, each scheduled occurrence runs once however many hosts share the task hub: a host runs it only
/// after claiming it (<see cref="IScheduleClaims"/>). The start-up run is each host's own, as a timer's RunOnStartup is.
/// </summary>
sealed partial class PeriodicJobRunner(
    IEnumerable<IPeriodicJob> jobs,
    IConfiguration configuration,
    DurableTaskClient durable,
    IScheduleClaims claims,
    TimeProvider time,
    ILogger<PeriodicJobRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunOnScheduleAsync(job, PeriodicSchedules.Resolve(configuration, job), stoppingToken)));

    async Task RunOnScheduleAsync(IPeriodicJob job, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        if (job.RunsAtStartup)
        {
            await RunAtStartupAsync(job, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = schedule.GetNextOccurrence(now);
            try
            {
                await Task.Delay(due - now, time, stoppingToken);
                var occurrence = new DateTimeOffset(due, TimeSpan.Zero);
                if (!await claims.TryClaimAsync(job.Name, occurrence, Host, stoppingToken))
                {
                    LogClaimedElsewhere(logger, job.Name, occurrence);
                    continue;
                }

                LogRunning(logger, job.Name, occurrence, Host);
                await job.RunAsync(durable, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed run must not stop the schedule; the next run tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogJobFailed(logger, e, job.Name);
            }
        }
    }

    /// <summary>
    /// The first run can come before the durable client's server listens or storage answers, so it is retried for a
    /// while, as the Functions host retries a failed RunOnStartup timer.
    /// </summary>
    async Task RunAtStartupAsync(IPeriodicJob job, CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await job.RunAsync(durable, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Retried until it works; the schedule takes over if it never does.
            catch (Exception e) when (attempt < 60)
#pragma warning restore CA1031
            {
                if (attempt % 10 == 0)
                {
                    LogJobFailed(logger, e, job.Name);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    /// <summary>This process, as the claims name it: enough to tell the hosts of one machine apart in a log.</summary>
    static string Host { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    [LoggerMessage(EventId = 1552, Level = LogLevel.Information, Message = "Periodic job {Job} runs its {Occurrence} occurrence on {Host}")]
    static partial void LogRunning(ILogger logger, string job, DateTimeOffset occurrence, string host);

    [LoggerMessage(EventId = 1553, Level = LogLevel.Debug, Message = "Periodic job {Job}: another host claimed its {Occurrence} occurrence")]
    static partial void LogClaimedElsewhere(ILogger logger, string job, DateTimeOffset occurrence);

    [LoggerMessage(EventId = 1551, Level = LogLevel.Error, Message = "Periodic job {Job} failed")]
    static partial void LogJobFailed(ILogger logger, Exception exception, string job);
}
