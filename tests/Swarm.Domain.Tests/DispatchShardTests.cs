using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Domain.Tests;

/// <summary>The pieces of sharded dispatch that need no host: placement, the offer, and the boards read as one.</summary>
public sealed class DispatchShardTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static AgentProfile Agent(string id, int seats = 1, params string[] expertise) =>
        new(id, id, AgentType.Worker, new ProviderSettings("simulated", "m"), seats, new AgentRole("operational", [], expertise, 5));

    static SeatRequest Step(string task, int priority = 5, string[]? capabilities = null, int second = 0) =>
        new(task, "s1", capabilities ?? [], priority, [], null, T0.AddSeconds(second));

    static DispatchBoard Board(params AgentProfile[] agents) =>
        agents.Aggregate(new DispatchBoard(), (board, agent) => board.Register(agent, accepting: true).Board);

    [Fact]
    public void Placement_is_the_same_on_every_call_and_fixed_numbers_pin_it_across_processes()
    {
        // Pinned values: a hash that changed between builds or processes (string.GetHashCode does) would move agents.
        Assert.Equal(ShardPlacement.Of("worker-1", 8), ShardPlacement.Of("worker-1", 8));
        Assert.Equal([0, 3, 1, 0], [.. new[] { "worker-1", "worker-2", "queen", "default-agent" }.Select(id => ShardPlacement.Of(id, 4))]);
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(0, ShardPlacement.Of($"agent-{i}", 1)));
    }

    [Theory]
    [InlineData(2, 50)]
    [InlineData(4, 50)]
    [InlineData(2, 1_000)]
    [InlineData(4, 1_000)]
    [InlineData(8, 1_000)]
    [InlineData(16, 1_000)]
    public void Agents_spread_within_thirty_percent_of_even(int shards, int agents)
    {
        var counts = Spread(shards, agents);

        var even = (double)agents / shards;
        Assert.All(counts, count => Assert.InRange(count, Math.Floor(even * 0.7), Math.Ceiling(even * 1.3)));
    }

    [Fact]
    public void Fifty_agents_on_eight_shards_leave_no_shard_empty_or_doubled()
    {
        // A hash places like dice: with 6.25 agents a shard on average the count's spread is about 2.3, so ±30 % (±1.9)
        // is not a promise any hash can keep for 50 agents (about one id set in five meets it); this is the bound that holds.
        var counts = Spread(8, 50);

        Assert.All(counts, count => Assert.InRange(count, 2, 12));
    }

    static int[] Spread(int shards, int agents)
    {
        var counts = new int[shards];
        foreach (var i in Enumerable.Range(1, agents))
        {
            counts[ShardPlacement.Of($"worker-{i}", shards)]++;
        }

        return counts;
    }

    [Fact]
    public void An_offer_grants_a_free_seat_as_a_request_does()
    {
        var (board, decision) = Board(Agent("a1")).Offer(Step("t1"));

        Assert.Equal(SeatOutcome.Granted, decision.Outcome);
        Assert.Equal(["t1/s1"], board.Agents["a1"].Holders);
    }

    [Fact]
    public void An_offer_to_a_full_board_says_busy_and_does_not_queue()
    {
        var (full, _) = Board(Agent("a1")).Request(Step("t1"));

        var (after, decision) = full.Offer(Step("t2"));

        Assert.Equal(SeatOutcome.Busy, decision.Outcome);
        Assert.Empty(after.Waiting);
    }

    [Fact]
    public void An_offer_tells_an_empty_board_from_one_where_nobody_fits()
    {
        var (_, empty) = new DispatchBoard().Offer(Step("t1"));
        var (after, noFit) = Board(Agent("a1", expertise: ["sql"])).Offer(Step("t1", capabilities: ["legal"]));

        Assert.Equal(SeatOutcome.NoAgents, empty.Outcome);
        Assert.Equal(SeatOutcome.NoFit, noFit.Outcome);
        Assert.Empty(after.Waiting);
    }

    [Fact]
    public void The_merge_of_shards_summarizes_as_one_board_with_the_same_agents_and_line()
    {
        AgentProfile[] agents = [Agent("a1", seats: 2), Agent("a2"), Agent("a3", seats: 3), Agent("a4")];
        SeatRequest[] steps = [.. Enumerable.Range(1, 9).Select(i => Step($"t{i}", priority: 1 + (i % 3), second: i))];
        var one = steps.Aggregate(Board(agents), (board, step) => board.Request(step).Board);

        // The same agents over three shards (a1, a2 | a3 | a4), each given the steps it would take, the rest waiting on
        // every shard at once, as a sharded step waits.
        var shards = new[] { Board(agents[0], agents[1]), Board(agents[2]), Board(agents[3]) };
        foreach (var step in steps)
        {
            var granted = false;
            for (var i = 0; i < shards.Length && !granted; i++)
            {
                (shards[i], var offer) = shards[i].Offer(step);
                granted = offer.Outcome == SeatOutcome.Granted;
            }

            for (var i = 0; i < shards.Length && !granted; i++)
            {
                shards[i] = shards[i].Request(step).Board;
            }
        }

        var merged = ShardedBoard.Merge(shards);

        Assert.Equal(one.Summarize() with { WaitingByPriority = null! }, merged.Summarize() with { WaitingByPriority = null! });
        Assert.Equal(one.Summarize().WaitingByPriority, merged.Summarize().WaitingByPriority);
        Assert.Equal(one.Granted, merged.Granted);
        Assert.Equal(one.Agents.Keys.Order(), merged.Agents.Keys.Order());
        Assert.Equal(one.Waiting.Select(w => w.Holder), merged.Waiting.Select(w => w.Holder));
        Assert.All(shards, shard => Assert.Equal(2, shard.Waiting.Count));
    }

    [Fact]
    public void One_board_merged_is_itself()
    {
        var board = Board(Agent("a1"));

        Assert.Same(board, ShardedBoard.Merge([board]));
    }

    [Fact]
    public void Each_shard_reports_its_own_line_seats_and_agents()
    {
        var (busy, _) = Board(Agent("a1", seats: 2), Agent("a2")).Request(Step("t1"));

        Assert.Equal(new ShardLoad(1, 0, 1, 3, 2), ShardLoad.Of(1, busy));
    }

    [Fact]
    public void Under_a_steady_urgent_stream_a_low_step_waiting_in_every_shards_line_is_served_once_it_has_aged_to_the_streams_priority()
    {
        // Three shards of one one-seat agent each, every seat busy; the low step waits in every line, as a sharded step
        // does when no shard grants it (ShardedSeatRequest).
        var shards = new[] { Board(Agent("a0")), Board(Agent("a1")), Board(Agent("a2")) };
        var holders = new string[shards.Length];
        for (var s = 0; s < shards.Length; s++)
        {
            (shards[s], var first) = shards[s].Request(Step($"first-{s}", priority: 10));
            Assert.Equal(SeatOutcome.Granted, first.Outcome);
            holders[s] = $"first-{s}/s1";
            (shards[s], var low) = shards[s].Request(Step("low", priority: 1));
            Assert.Equal(SeatOutcome.Queued, low.Outcome);
        }

        // Every 10 s an urgent step (priority 10) joins every line and one shard, in turn, finishes its step: arrivals
        // match the swarm's service rate, so the stream never runs dry and an urgent step never waits long.
        var servedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var second = 10; second <= 20 * 60 && !servedAt.ContainsKey("low"); second += 10)
        {
            var urgent = Step($"urgent-{second}", priority: 10, second: second);
            for (var s = 0; s < shards.Length; s++)
            {
                (shards[s], var queued) = shards[s].Request(urgent);
                Assert.Equal(SeatOutcome.Queued, queued.Outcome);
            }

            var freeing = second / 10 % shards.Length;
            var change = shards[freeing].Release(new SeatRelease($"a{freeing}", holders[freeing], [], new WorkOutcome(true, 10, new ModelUsage(1, 1, 0), T0.AddSeconds(second))), T0.AddSeconds(second));
            shards[freeing] = change.Board;
            var grant = Assert.Single(change.Grants);
            holders[freeing] = $"{grant.TaskId}/s1";
            servedAt[grant.TaskId] = second;
            for (var other = 0; other < shards.Length; other++)
            {
                if (other != freeing)
                {
                    (shards[other], var grantedMeanwhile) = shards[other].Leave(grant.TaskId, "s1");
                    Assert.Null(grantedMeanwhile);
                }
            }
        }

        // Priority 1 counts one level higher for each minute waited, so after nine minutes it equals a fresh urgent step's
        // 10 and wins the tie by arriving first: served by the first shard to free a seat from then on, on no shard before.
        Assert.Equal(9 * 60, servedAt["low"]);
        Assert.All(servedAt.Where(kv => kv.Key != "low"), kv => Assert.InRange(kv.Value - int.Parse(kv.Key["urgent-".Length..], System.Globalization.CultureInfo.InvariantCulture), 0, 10));
        Assert.All(shards, board => Assert.DoesNotContain(board.Waiting, w => w.TaskId == "low"));
    }
}
