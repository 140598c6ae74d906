using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The storage emulator killed with SIGKILL under a busy host and started again on the same ports: the host takes new
/// work again by itself, without being restarted (issue 12, item 8). Killed within its 5 s save interval, an emulator
/// with a folder comes back with an older copy of its blobs, queues and tables than the worker last saw; one in memory
/// comes back empty, without the task hub, the swarm's tables or the default agent.
/// </summary>
public sealed class StorageRecoveryTests(ITestOutputHelper log)
{
    /// <summary>
    /// How long new tasks may take to complete once storage is back, the host's own recovery included: the 60 s
    /// visibility timeout of <see cref="RunShDefaults"/> and 40 s more. Usually they complete within seconds. Twice (on
    /// a machine under heavy load, and in a fresh-clone run of test.sh) a new task stayed queued for over 40 s: the
    /// host's log showed the replaced worker's batch for the dispatcher entity lost at the restart, and a lost batch
    /// comes back only after the visibility timeout, with the entity's later messages behind it. One entity on every
    /// task's path is issue 17's to remove; until then this is the bound README states.
    /// </summary>
    static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60 + 40);

    /// <summary>
    /// The durable settings run.sh uses (the tests' own are faster), under which the host was seen not to recover: with
    /// a 60 s visibility timeout the worker's back-off made new messages time out, come back and count as poison.
    /// </summary>
    static readonly (string Key, string Value)[] RunShDefaults =
    [
        ("durable__partitionCount", "4"),
        ("durable__messageVisibilityTimeoutSeconds", "60"),
        ("durable__leaseIntervalSeconds", "30"),
        ("durable__maxQueuePollingIntervalMs", "1000"),
        ("providers__simulated__latencyMs", "200"),
    ];

    [Fact]
    public async Task New_tasks_complete_without_a_host_restart_after_storage_is_killed_and_restarted()
    {
        using var storage = await AzuriteServer.StartPersistentAsync();
        await using var host = await LocalHostProcess.StartOnAsync(storage, RunShDefaults);
        for (var i = 0; i < 20; i++)
        {
            await TaskPolling.SubmitAsync(host, $"accepted before the outage {i}");
        }

        // Soon enough that the kill lands within the emulator's save interval of the tasks (and, here, often of the
        // host's start): a later kill (6 s after ready) let even the unfixed host recover.
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        await RecoversFromAsync(storage, host);
    }

    [Fact]
    public async Task New_tasks_complete_without_a_host_restart_after_storage_comes_back_empty()
    {
        using var storage = await AzuriteServer.StartPrivateAsync();
        await using var host = await LocalHostProcess.StartOnAsync(storage, RunShDefaults);
        for (var i = 0; i < 5; i++)
        {
            await TaskPolling.SubmitAsync(host, $"accepted before the outage {i}");
        }

        // In memory: everything the host created at its start is gone after the restart, the tables it created once
        // (audit, agent listing) and the default agent with it.
        await RecoversFromAsync(storage, host);
    }

    async Task RecoversFromAsync(AzuriteServer storage, LocalHostProcess host)
    {
        storage.Kill();
        await WaitUntilReadySaysWhyNotAsync(host);
        await storage.RestartAsync();
        var clock = Stopwatch.StartNew();

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitOnceStorageAnswersAsync(host, $"submitted after the outage {i}", clock));
        }

        log.WriteLine($"New tasks accepted {clock.Elapsed.TotalSeconds:0.0} s after storage came back.");
        foreach (var id in ids)
        {
            var task = await TaskPolling.WaitUntilFinishedAsync(host, id, RecoveryBound - clock.Elapsed);
            Assert.Equal("completed", task.GetProperty("status").GetString());
        }

        log.WriteLine($"New tasks completed {clock.Elapsed.TotalSeconds:0.0} s after storage came back.");
        Assert.False(host.HasExited, "The host must recover in its own process, not by exiting.");
        Assert.Contains("Restarting the durable worker", host.Output, StringComparison.Ordinal);
        using var ready = await host.Http.GetAsync(new Uri("/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>
    /// During the outage <c>/ready</c> must answer 503 and say why: storage does not answer, and the durable worker is
    /// stopped until it does (not only that storage is down, nor "not started").
    /// </summary>
    static async Task WaitUntilReadySaysWhyNotAsync(LocalHostProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await host.Http.GetAsync(new Uri("/ready", UriKind.Relative));
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            var checks = report.GetProperty("checks");
            var worker = checks.GetProperty("durableWorker").GetString();
            if (worker != "ok")
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("storage does not answer; the durable worker is stopped until it does", worker);
                Assert.StartsWith("unavailable", checks.GetProperty("storage").GetString(), StringComparison.Ordinal);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/ready still reported the durable worker ok 10 s into the outage: {report}");
            await Task.Delay(200);
        }
    }

    /// <summary>Submits a task, retrying while the host answers 503 (storage not answering yet), as a client told Retry-After would.</summary>
    static async Task<string> SubmitOnceStorageAnswersAsync(LocalHostProcess host, string prompt, Stopwatch clock)
    {
        while (true)
        {
            using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/tasks", json: JsonSerializer.Serialize(new { prompt })));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Submitting answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.True(clock.Elapsed < RecoveryBound, $"Submitting still answered 503 after {clock.Elapsed.TotalSeconds:0} s.{Environment.NewLine}{host.Output}");
            await Task.Delay(500);
        }
    }
}
