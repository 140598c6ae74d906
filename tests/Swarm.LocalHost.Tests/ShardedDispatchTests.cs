using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Distribution;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The dispatch board split into three shards (<c>dispatch:shards</c> = 3) on the running local host: agents of one seat
/// each on every shard, a burst of tasks that must wait in several shards' lines, steps waiting in every line when they
/// are canceled, time out or their host is killed, and what every shard holds afterwards.
/// </summary>
public sealed class ShardedDispatchTests
{
    const int Shards = 3;

    [Fact]
    public async Task Three_shards_run_a_burst_with_no_agent_over_its_one_seat_and_leave_no_seat_or_line_behind()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("dispatch__shards", "3"),
            ("defaultAgent__maxConcurrency", "1"),
            ("providers__simulated__latencyMs", "700"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        string[] workers = ["worker-1", "worker-2", "worker-3", "worker-4", "worker-5", "worker-6"];
        foreach (var worker in workers)
        {
            await TaskSubmissions.CreateAgentAsync(host, worker, "worker", [], seats: 1);
        }

        // The ids were chosen to put agents on every shard; placement is stable, so this holds on every run.
        string[] agents = ["queen-1", .. workers];
        Assert.Equal(Enumerable.Range(0, Shards), agents.Select(a => ShardPlacement.Of(a, Shards)).Distinct().Order());
        foreach (var agent in agents)
        {
            var shard = ShardPlacement.Of(agent, Shards);
            var placed = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", ShardKey(shard), b => b?.Agents.ContainsKey(agent) == true);
            Assert.True(placed?.Agents.ContainsKey(agent) == true, $"{agent} is not on shard {shard} ({ShardKey(shard)}): {string.Join(", ", placed?.Agents.Keys ?? [])}; {host.Output[^Math.Min(3000, host.Output.Length)..]}");
        }

        var ids = await Task.WhenAll(Enumerable.Range(0, agents.Length * 3).Select(i => TaskPolling.SubmitAsync(host, "burst " + i)));
        var finished = await Task.WhenAll(ids.Select(id => TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromMinutes(3))));

        Assert.All(finished, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.Equal(ids.Length, finished.Select(t => t.GetProperty("id").GetString()).Distinct().Count());
        // More tasks than seats: some waited, and a waiting step stands in the line of every shard with a fitting agent.
        Assert.Contains(finished, t => t.GetProperty("timeline").EnumerateArray().Any(e =>
            e.GetProperty("kind").GetString() == "waiting" && e.GetProperty("detail").GetString()!.Contains($"in the lines of {Shards} dispatch shards", StringComparison.Ordinal)));

        // Each task held its seat at least from the claim to the answer, so these intervals can only under-count overlap.
        foreach (var byAgent in finished.GroupBy(t => t.GetProperty("agentId").GetString()))
        {
            var held = byAgent.Select(t => (Start: t.GetProperty("claimedAt").GetDateTimeOffset(), End: t.GetProperty("answeredAt").GetDateTimeOffset())).ToList();
            Assert.Equal(1, held.Max(a => held.Count(b => b.Start <= a.Start && a.Start < b.End)));
        }

        for (var shard = 0; shard < Shards; shard++)
        {
            await AssertDrainedAsync(host, shard, finished);
            var board = await Entities.ReadAsync<DispatchBoard>(host, "dispatcher", ShardKey(shard));
            Assert.All(board!.Agents.Keys, a => Assert.Equal(shard, ShardPlacement.Of(a, Shards)));
        }

        var total = 0L;
        for (var shard = 0; shard < Shards; shard++)
        {
            total += (await Entities.ReadAsync<DispatchBoard>(host, "dispatcher", ShardKey(shard)))!.Succeeded;
        }

        Assert.Equal(ids.Length, total);

        var legal = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Review this contract", capabilities = new[] { "legal" } });
        var refused = await TaskPolling.WaitUntilFinishedAsync(host, legal, TimeSpan.FromSeconds(30));
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal("AgentSlotUnavailableException", refused.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("[legal]", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/system/state"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dispatch = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dispatch");
        Assert.Equal(Shards, dispatch.GetProperty("shards").GetInt32());
        var load = dispatch.GetProperty("load").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], load.Select(l => l.GetProperty("shard").GetInt32()));
        Assert.Equal(
            Enumerable.Range(0, Shards).Select(s => agents.Count(a => ShardPlacement.Of(a, Shards) == s)),
            load.Select(l => l.GetProperty("agents").GetInt32()));
        Assert.All(load, l => Assert.Equal(0, l.GetProperty("seatsHeld").GetInt32()));
        Assert.All(load, l => Assert.Equal(0, l.GetProperty("waiting").GetInt32()));
        Assert.Empty(dispatch.GetProperty("misplaced").EnumerateArray());

        // An agent's view reads its record from its own shard, and its retirement takes it off that shard.
        var leaving = agents.First(a => ShardPlacement.Of(a, Shards) == 2);
        var before = await TaskPolling.WaitForAgentAsync(host, leaving);
        // Every agent took work: the first tasks fill every free seat before any task waits.
        Assert.InRange(before.GetProperty("completed").GetInt64(), 1, ids.Length);
        Assert.Equal(finished.Count(t => t.GetProperty("agentId").GetString() == leaving), before.GetProperty("completed").GetInt64());
        using (var retire = await host.Http.SendAsync(host.Request(HttpMethod.Delete, $"/api/v1/agents/{leaving}")))
        {
            Assert.Equal(HttpStatusCode.Accepted, retire.StatusCode);
        }

        await TaskPolling.WaitForAgentAsync(host, leaving, a => a.GetProperty("status").GetString() == "retired");
        var shard2 = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", ShardKey(2), b => b?.Agents.ContainsKey(leaving) == false);
        Assert.False(shard2!.Agents.ContainsKey(leaving));
    }

    [Fact]
    public async Task A_step_waiting_in_every_shards_line_leaves_them_all_when_canceled_or_timed_out()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("dispatch__shards", "3"),
            // Long enough that the holders still hold every seat when the second waiter arrives on a busy machine: at 8 s a
            // fresh-clone run once saw a holder finish first, and the "late" task took its seat instead of waiting.
            ("providers__simulated__profiles__slow__latencyMs", "20000"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        // One agent of one seat per shard, all with the capability the tasks below need.
        var slow = await OneSlowAgentPerShardAsync(host);

        var holders = await HoldEverySeatAsync(host, slow);

        var canceled = await WaitingInEveryLineAsync(host, new { prompt = "wait, then be canceled", capabilities = new[] { "slowness" } });
        using (var cancel = await host.Http.SendAsync(host.Request(HttpMethod.Post, $"/api/v1/tasks/{canceled}/cancel", role: "operator")))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        await TaskSubmissions.WaitForTaskAsync(host, canceled, t => t.GetProperty("status").GetString() == "canceled");
        await AssertInNoLineAsync(host, canceled);

        var late = await WaitingInEveryLineAsync(host, new { prompt = "wait too long", capabilities = new[] { "slowness" }, timeoutSeconds = 3 });
        var timedOut = await TaskPolling.WaitUntilFinishedAsync(host, late, TimeSpan.FromSeconds(30));
        Assert.Equal("TimedOut", timedOut.GetProperty("error").GetProperty("type").GetString());
        await AssertInNoLineAsync(host, late);

        foreach (var holder in holders)
        {
            Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, holder, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        }

        for (var shard = 0; shard < Shards; shard++)
        {
            var board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", ShardKey(shard), b => b is not null && b.Agents.Values.All(a => a.Holders.Count == 0));
            Assert.All(board!.Agents.Values, a => Assert.Empty(a.Holders));
            Assert.Empty(board.Waiting);
        }
    }

    [Fact]
    public async Task A_host_killed_while_steps_wait_in_every_shards_line_finishes_every_task_once_and_leaks_no_seat()
    {
        // The holders' model calls outlast submitting the waiters on a busy machine, so every waiter finds every seat taken.
        await using var host = await LocalHostProcess.StartAsync(
            ("dispatch__shards", "3"),
            ("providers__simulated__profiles__slow__latencyMs", "15000"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        var slow = await OneSlowAgentPerShardAsync(host);
        var holders = await HoldEverySeatAsync(host, slow);

        var waiters = await Task.WhenAll(Enumerable.Range(0, Shards).Select(i => WaitingInEveryLineAsync(host, new { prompt = $"wait in every line {i}", capabilities = new[] { "slowness" } })));

        host.KillHard();
        await host.StartAgainAsync();

        string[] all = [.. holders, .. waiters];
        var finished = await Task.WhenAll(all.Select(id => TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromMinutes(3))));
        Assert.All(finished, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        foreach (var id in all)
        {
            // Once: one start, one model call scheduled, one completion, whatever the kill interrupted.
            var history = await DurableHistories.ReadAsync(host, id);
            Assert.Single(history, e => e == DurableTask.Core.History.EventType.ExecutionStarted);
            Assert.Single(await DurableHistories.ScheduledActivitiesAsync(host, id), name => name == "InvokeAgentActivity");
            Assert.Single(history, e => e == DurableTask.Core.History.EventType.ExecutionCompleted);
        }

        // Every line empty and every seat back on every shard, and each task counted once across the shards.
        var succeeded = 0L;
        for (var shard = 0; shard < Shards; shard++)
        {
            var board = await AssertDrainedAsync(host, shard, finished);
            succeeded += board.Agents.Values.Where(a => slow.Contains(a.Id)).Sum(a => a.Work.Completed);
        }

        Assert.Equal(all.Length, succeeded);
    }

    /// <summary>
    /// Waits until the shard's line is empty and none of its seats is held: releases are signals, processed after the task
    /// that sent them finished, so a busy machine gets a minute and a half. If one is still held, says which task held it,
    /// how that task ran, and what the host logged about it.
    /// </summary>
    static async Task<DispatchBoard> AssertDrainedAsync(LocalHostProcess host, int shard, IReadOnlyList<JsonElement> finished)
    {
        var board = await Entities.WaitForAsync<DispatchBoard>(
            host, "dispatcher", ShardKey(shard), b => b is { Waiting.Count: 0 } && b.Agents.Values.All(a => a.Holders.Count == 0), TimeSpan.FromSeconds(90));
        Assert.NotNull(board);
        var held = board.Agents.Values.SelectMany(a => a.Holders.Select(h => (Agent: a.Id, Holder: h))).ToList();
        if (held.Count > 0 || board.Waiting.Count > 0)
        {
            var tasks = held.Select(h => h.Holder.Split('/')[0]).Concat(board.Waiting.Select(w => w.TaskId)).ToHashSet(StringComparer.Ordinal);
            var lines = host.Output.Split('\n').Where(l => tasks.Any(t => l.Contains(t, StringComparison.Ordinal)));
            Assert.Fail(
                $"Shard {shard} still holds [{string.Join(", ", held.Select(h => $"{h.Agent}: {h.Holder}"))}] and has [{string.Join(", ", board.Waiting.Select(w => w.Holder))}] in line. "
                + $"The tasks: {string.Join(" ", finished.Where(t => tasks.Contains(t.GetProperty("id").GetString()!)).Select(t => t.GetRawText()))} "
                + $"The host about them: {string.Join(Environment.NewLine, lines)}");
        }

        return board;
    }

    /// <summary>Creates one specialist of one seat with the capability <c>slowness</c> (model profile <c>slow</c>) on each shard.</summary>
    static async Task<IReadOnlyList<string>> OneSlowAgentPerShardAsync(LocalHostProcess host)
    {
        var slow = Enumerable.Range(1, 30).Select(i => $"slow-{i}").GroupBy(id => ShardPlacement.Of(id, Shards)).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        Assert.Equal(Shards, slow.Count);
        foreach (var agent in slow)
        {
            await TaskSubmissions.CreateAgentAsync(host, agent, "specialist", ["slowness"], seats: 1, model: "slow");
            Assert.NotNull(await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", ShardKey(ShardPlacement.Of(agent, Shards)), b => b?.Agents.ContainsKey(agent) == true));
        }

        return slow;
    }

    /// <summary>Submits one task per slow agent and waits until each runs on one, so every seat the slow tasks fit is taken.</summary>
    static async Task<string[]> HoldEverySeatAsync(LocalHostProcess host, IReadOnlyList<string> slow)
    {
        var holders = await Task.WhenAll(slow.Select(_ => TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "hold a seat", capabilities = new[] { "slowness" } })));
        foreach (var holder in holders)
        {
            await TaskSubmissions.WaitForTaskAsync(host, holder, t => t.GetProperty("status").GetString() == "running" && t.TryGetProperty("agentId", out var a) && a.ValueKind == JsonValueKind.String);
        }

        return holders;
    }

    /// <summary>Submits a task every fitting agent is too busy for and waits until its step stands in every shard's line.</summary>
    static async Task<string> WaitingInEveryLineAsync(LocalHostProcess host, object task)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, task);
        await TaskSubmissions.WaitForTaskAsync(host, id, t => t.GetProperty("timeline").EnumerateArray().Any(e =>
            e.GetProperty("kind").GetString() == "waiting" && e.GetProperty("detail").GetString()!.Contains($"in the lines of {Shards} dispatch shards", StringComparison.Ordinal)));
        for (var shard = 0; shard < Shards; shard++)
        {
            var board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", ShardKey(shard), b => b?.Waiting.Any(w => w.TaskId == id) == true);
            Assert.Contains(board!.Waiting, w => w.TaskId == id);
        }

        return id;
    }

    static async Task AssertInNoLineAsync(LocalHostProcess host, string taskId)
    {
        for (var shard = 0; shard < Shards; shard++)
        {
            var board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", ShardKey(shard), b => b?.Waiting.All(w => w.TaskId != taskId) == true);
            Assert.DoesNotContain(board!.Waiting, w => w.TaskId == taskId);
            Assert.DoesNotContain(board.Agents.Values.SelectMany(a => a.Holders), h => h.StartsWith(taskId + "/", StringComparison.Ordinal));
        }
    }

    static string ShardKey(int shard) => Swarm.Workflows.Distribution.DispatchShards.IdOf(shard).Key;
}
