using Swarm.Api;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// A periodic job runs through the worker's timer function when the host fires it. The health probe is the one whose
/// result each instance keeps for itself (the system state's <c>lastHealthProbe</c>), so its effect is read through
/// the same worker: nothing before the timer fires, the probe's report after.
/// </summary>
public sealed class TimerTests(WorkerBesideLocalHost swarm) : IClassFixture<WorkerBesideLocalHost>
{
    [Fact]
    public async Task The_health_probe_timer_runs_its_job_once_through_the_worker()
    {
        var before = await swarm.InvokeAsync(SwarmRoutes.SystemState, swarm.Request(HttpMethod.Get, "/api/v1/system/state"));
        Assert.Equal("{}", before.Json()!.Value.GetProperty("lastHealthProbe").GetRawText());

        await swarm.InvokeTimerAsync("HealthProbe");

        var after = await swarm.InvokeAsync(SwarmRoutes.SystemState, swarm.Request(HttpMethod.Get, "/api/v1/system/state"));
        var report = after.Json()!.Value.GetProperty("lastHealthProbe").GetProperty("report");
        Assert.True(report.GetProperty("ready").GetBoolean(), after.ToString());
        // The probe reached storage and the local host's durable runtime through the worker's durable client.
        Assert.Equal(["durableRuntime:ok", "durableWorker:ok", "storage:ok"], report.GetProperty("checks").EnumerateObject().Select(c => $"{c.Name}:{c.Value.GetString()}").Order());
        Assert.InRange(report.GetProperty("checkedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(5));
    }
}
