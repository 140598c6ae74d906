using Azure.Data.Tables;
using DurableTask.Core.History;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Upgrades without draining (issue 17): an old and a new build's workers on one task hub. A task the new build started
/// waits while only old workers run, and completes once a new one does; a task the old build started, still running
/// when its host dies, is finished by the new one. The builds are played by <c>durable:workflowVersion</c>.
/// </summary>
public sealed class WorkflowVersionTests
{
    const string OldVersion = "0.9";
    const string NewVersion = Swarm.Workflows.WorkflowVersion.Current;

    [Fact]
    public async Task New_work_waits_for_a_new_worker_and_old_work_in_flight_moves_to_it()
    {
        (string, string)[] shared = [("providers__simulated__latencyMs", "3000"), ("durable__leaseIntervalSeconds", "15"), ("defaultAgent__maxConcurrency", "4")];
        await using var old = await LocalHostProcess.StartAsync([.. shared, ("durable__workflowVersion", OldVersion)]);
        await TaskPolling.WaitForAgentAsync(old, "queen-1");
        await using var upgraded = await LocalHostProcess.StartBesideAsync(old, ("durable__workflowVersion", NewVersion));

        // The new build starts a task and dies at once: only the old build's worker is left, and it must not touch it.
        var newTask = await TaskPolling.SubmitAsync(upgraded, "started by the new build");
        upgraded.KillHard();
        Assert.Equal(NewVersion, await VersionOfAsync(old, newTask));

        var oldTask = await TaskPolling.SubmitAsync(old, "started by the old build");
        Assert.Equal(OldVersion, await VersionOfAsync(old, oldTask));
        var finishedOnOld = await TaskPolling.WaitUntilFinishedAsync(old, oldTask, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", finishedOnOld.GetProperty("status").GetString());

        // Time for the new build's task to have ended too, had the old worker run it: it must still be waiting.
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(EventType.ExecutionCompleted, await DurableHistories.ReadAsync(old, newTask));
        Assert.NotEqual("completed", (await TaskPolling.GetAsync(old, newTask)).GetProperty("status").GetString());

        // The upgrade: the new build comes back, the old one dies with one of its tasks in flight.
        var inFlight = await TaskPolling.SubmitAsync(old, "in flight when the old build stops");
        await TaskPolling.WaitUntilAnyIsRunningAsync(old, [inFlight]);
        await upgraded.StartAgainAsync();
        old.KillHard();

        foreach (var id in new[] { newTask, inFlight })
        {
            var finished = await TaskPolling.WaitUntilFinishedAsync(upgraded, id, TimeSpan.FromMinutes(3));
            Assert.Equal("completed", finished.GetProperty("status").GetString());
            var history = await DurableHistories.ReadAsync(upgraded, id);
            Assert.Single(history, e => e == EventType.ExecutionStarted);
            Assert.Single(history, e => e == EventType.ExecutionCompleted);
        }

        Assert.Equal(OldVersion, await VersionOfAsync(upgraded, inFlight));
    }

    /// <summary>The version Durable Task recorded for the instance when it started (its Instances table row).</summary>
    static async Task<string?> VersionOfAsync(LocalHostProcess host, string instanceId)
    {
        var instances = new TableServiceClient(host.StorageConnectionString).GetTableClient(host.TaskHub + "Instances");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty);
            if (row.HasValue && row.Value is { } instance)
            {
                return instance.GetString("Version");
            }

            Assert.True(DateTime.UtcNow < deadline, $"{instanceId} has no row in the Instances table.");
            await Task.Delay(200);
        }
    }
}
