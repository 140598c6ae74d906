using Microsoft.DurableTask.Client;
using Swarm.Application.Schedules;
using Swarm.Tests;

namespace Swarm.Application.Tests;

public sealed class PeriodicSchedulesTests
{
    sealed class Job : IPeriodicJob
    {
        public string Name => "Probe";

        public string ScheduleSetting => PeriodicSchedules.HealthProbeSetting;

        public Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public void The_default_schedule_runs_every_minute_on_the_minute()
    {
        var schedule = PeriodicSchedules.Resolve(TestSettings.Configuration(), new Job());

        var next = schedule.GetNextOccurrence(new DateTime(2026, 1, 1, 10, 0, 30, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 1, 1, 10, 1, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void A_configured_schedule_wins_over_the_default()
    {
        var schedule = PeriodicSchedules.Resolve(TestSettings.Configuration((PeriodicSchedules.HealthProbeSetting, "*/10 * * * * *")), new Job());

        var next = schedule.GetNextOccurrence(new DateTime(2026, 1, 1, 10, 0, 31, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 40, DateTimeKind.Utc), next);
    }

    [Fact]
    public void A_schedule_that_is_not_ncrontab_names_its_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            PeriodicSchedules.Resolve(TestSettings.Configuration((PeriodicSchedules.HealthProbeSetting, "every minute")), new Job()));

        Assert.Contains(PeriodicSchedules.HealthProbeSetting, error.Message, StringComparison.Ordinal);
    }
}
