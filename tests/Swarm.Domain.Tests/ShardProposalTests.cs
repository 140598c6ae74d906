using System.Globalization;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests;

/// <summary>
/// The propose/claim round of sharded dispatch: a proposal changes nothing, says why a shard would grant nothing, and the
/// best proposal across shards is the agent one board holding every agent would choose; a claim whose agent filled falls
/// to the next-best shard.
/// </summary>
public sealed class ShardProposalTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static readonly string[] Analysis = ["analysis"];

    static AgentProfile Agent(string id, int seats = 1, params string[] expertise) =>
        new(id, id, AgentType.Worker, new ProviderSettings("simulated", "m"), seats, new AgentRole("operational", [], expertise, 5));

    static SeatRequest Step(string task, string[]? capabilities = null) => new(task, "s1", capabilities ?? [], 5, [], null, T0);

    static DispatchBoard Board(LearningPolicy policy, params AgentProfile[] agents) =>
        agents.Aggregate(new DispatchBoard().Configure(policy), (board, agent) => board.Register(agent, accepting: true).Board);

    static DispatchBoard Board(params AgentProfile[] agents) => Board(LearningPolicy.Default, agents);

    // Six analysts past warm-up: a1 succeeded once in six, a2 twice, ..., a6 six times, so greedy ranks a6 > a5 > ... > a1.
    static DispatchBoard Taught(DispatchBoard board) =>
        board.Agents.Keys.Aggregate(board, (taught, id) =>
            Enumerable.Range(0, 6).Aggregate(taught, (b, k) => b.Learn(new SkillSignal($"{id}-{k}", SkillKind.Outcome, id, Analysis, k < int.Parse(id[1..], CultureInfo.InvariantCulture) ? 1 : 0, 1, T0))));

    static readonly AgentProfile[] Analysts = [.. Enumerable.Range(1, 6).Select(i => Agent($"a{i}", expertise: Analysis))];

    // The same six over three shards: a1 a4 | a2 a5 | a3 a6, each taught its own record.
    static DispatchBoard[] Shards(LearningPolicy policy) =>
    [
        Taught(Board(policy, Analysts[0], Analysts[3])), Taught(Board(policy, Analysts[1], Analysts[4])), Taught(Board(policy, Analysts[2], Analysts[5])),
    ];

    static (int Shard, SeatDecision Decision) ProposeAndClaim(DispatchBoard[] shards, SeatRequest step)
    {
        var proposals = shards.Select(shard => shard.Propose(step)).ToList();
        foreach (var shard in ShardProposals.ClaimOrder(proposals, step.Holder))
        {
            (shards[shard], var claimed) = shards[shard].Claim(new SeatClaim(step, proposals[shard]));
            if (claimed.Outcome == SeatOutcome.Granted)
            {
                return (shard, claimed);
            }
        }

        return (-1, SeatDecision.Busy("no shard granted"));
    }

    [Fact]
    public void A_proposal_names_the_agent_a_request_would_grant_and_changes_nothing()
    {
        var board = Board(Agent("a1"), Agent("a2", seats: 2));

        var proposal = board.Propose(Step("t1"));
        var (_, granted) = board.Request(Step("t1"));

        Assert.Equal(SeatOutcome.Granted, proposal.Outcome);
        Assert.Equal(granted.AgentId, proposal.AgentId);
        Assert.Equal(granted.Reason, proposal.Reason);
        Assert.All(board.Agents.Values, agent => Assert.Empty(agent.Holders));
        Assert.Equal(0, board.Granted);
        Assert.Empty(board.Waiting);
        Assert.Null(board.Routing);
    }

    [Fact]
    public void A_proposal_says_busy_no_fit_or_no_agents_and_never_queues()
    {
        var (full, _) = Board(Agent("a1", expertise: Analysis)).Request(Step("t1", Analysis));

        var busy = full.Propose(Step("t2", Analysis));
        var noFit = full.Propose(Step("t2", ["legal"]));
        var noAgents = new DispatchBoard().Propose(Step("t2"));

        Assert.Equal((SeatOutcome.Busy, (string?)null), (busy.Outcome, busy.AgentId));
        Assert.Equal(SeatOutcome.NoFit, noFit.Outcome);
        Assert.Contains("capabilities [legal]", noFit.Reason, StringComparison.Ordinal);
        Assert.Equal(SeatOutcome.NoAgents, noAgents.Outcome);
        Assert.Empty(full.Waiting);
        Assert.False(busy.Grants || noFit.Grants || noAgents.Grants);
    }

    [Fact]
    public void Under_greedy_the_best_proposal_across_shards_is_the_one_board_choice()
    {
        var greedy = LearningPolicy.Default with { Algorithm = RoutingAlgorithm.Greedy };
        var one = Taught(Board(greedy, Analysts));
        var shards = Shards(greedy);

        var proposals = shards.Select(shard => shard.Propose(Step("t1", Analysis))).ToList();
        var order = ShardProposals.ClaimOrder(proposals, Step("t1").Holder);
        var (_, chosen) = one.Request(Step("t1", Analysis));

        // Each shard's best is its own better analyst (a4, a5, a6); the swarm's is a6 on shard 2, then a5, then a4.
        Assert.Equal(["a4", "a5", "a6"], proposals.Select(p => p.AgentId));
        Assert.Equal([2, 1, 0], order);
        Assert.Equal("a6", chosen.AgentId);
        Assert.Equal(chosen.AgentId, proposals[order[0]].AgentId);
        Assert.Equal(proposals[order[0]].Score, one.Propose(Step("t1", Analysis)).Score, 12);
    }

    [Theory]
    [InlineData(RoutingAlgorithm.Greedy)]
    [InlineData(RoutingAlgorithm.Thompson)]
    public void Every_claim_goes_to_the_agent_one_board_would_choose_step_after_step(RoutingAlgorithm algorithm)
    {
        // Seats of 40 so nobody fills: the one board and the shards rank the same agents by the same draws (the swarm draw
        // equals a fresh board's), so step after step the claimed agent is the one board's, load included.
        var policy = LearningPolicy.Default with { Algorithm = algorithm };
        AgentProfile[] roomy = [.. Analysts.Select(a => a with { MaxConcurrency = 40 })];
        var shards = new[] { Taught(Board(policy, roomy[0], roomy[3])), Taught(Board(policy, roomy[1], roomy[4])), Taught(Board(policy, roomy[2], roomy[5])) };
        var one = Taught(Board(policy, roomy));

        var chosen = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var step = Step($"t{i}", Analysis);
            var expected = one.Propose(step);
            (one, var granted) = one.Claim(new SeatClaim(step, expected));
            var (_, claimed) = ProposeAndClaim(shards, step);
            Assert.Equal(granted.AgentId, claimed.AgentId);
            chosen.Add(claimed.AgentId!);
        }

        // Not a trivial pass: the choice depends on load and (for Thompson) the draws, so more than one agent is chosen.
        Assert.True(chosen.Distinct().Count() > 1);
    }

    [Fact]
    public void Exploration_happens_at_the_swarm_rate_and_reaches_every_agent_of_the_tier()
    {
        // Three shards all exploring on one draw would explore three times as often without the swarm draw; with it the
        // rate is ε, and the shard pick weighted by tier size spreads explored steps over all six analysts.
        var policy = LearningPolicy.Default with { Algorithm = RoutingAlgorithm.EpsilonGreedy, ExplorationRate = 0.3 };
        var shards = Shards(policy);

        var explored = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            var step = Step($"t{i}", Analysis);
            var proposals = shards.Select(shard => shard.Propose(step)).ToList();
            var best = proposals[ShardProposals.ClaimOrder(proposals, step.Holder)[0]];
            if (best.Explored)
            {
                explored.Add(best.AgentId!);
            }
        }

        Assert.InRange(explored.Count / 3_000.0, 0.26, 0.34);
        Assert.All(explored.CountBy(id => id), pair => Assert.InRange(pair.Value / (double)explored.Count, 1 / 6.0 - 0.04, 1 / 6.0 + 0.04));
        Assert.Equal(6, explored.Distinct().Count());
    }

    [Fact]
    public void A_claim_whose_agent_filled_is_busy_and_the_next_best_shard_grants()
    {
        var greedy = LearningPolicy.Default with { Algorithm = RoutingAlgorithm.Greedy };
        var shards = Shards(greedy);
        var step = Step("t1", Analysis);
        var proposals = shards.Select(shard => shard.Propose(step)).ToList();
        // Between the proposal and the claim another step takes a6, shard 2's proposed agent and its only free analyst
        // better than a3: the claim there must say busy and change nothing.
        (shards[2], _) = shards[2].Request(new SeatRequest("other", "s1", Analysis, 5, [], null, T0, Agent: "a6"));

        var (stale, refused) = shards[2].Claim(new SeatClaim(step, proposals[2]));
        var order = ShardProposals.ClaimOrder(proposals, step.Holder);
        var granted = SeatDecision.Busy("none");
        var shard = -1;
        foreach (var next in order)
        {
            (shards[next], granted) = shards[next].Claim(new SeatClaim(step, proposals[next]));
            if (granted.Outcome == SeatOutcome.Granted)
            {
                shard = next;
                break;
            }
        }

        Assert.Equal(SeatOutcome.Busy, refused.Outcome);
        Assert.Same(shards[2], stale);
        Assert.Equal((1, "a5"), (shard, granted.AgentId));
        Assert.Equal(["t1/s1"], shards[1].Agents["a5"].Holders);
        Assert.Equal(1, shards[1].Granted);
    }

    [Fact]
    public void A_claim_repeated_after_it_granted_gives_the_same_seat_once()
    {
        var board = Board(Agent("a1", seats: 2));
        var step = Step("t1");
        var proposal = board.Propose(step);

        var (after, first) = board.Claim(new SeatClaim(step, proposal));
        var (again, second) = after.Claim(new SeatClaim(step, proposal));

        Assert.Equal((SeatOutcome.Granted, "a1"), (first.Outcome, first.AgentId));
        Assert.Equal((SeatOutcome.Granted, "a1"), (second.Outcome, second.AgentId));
        Assert.Equal(["t1/s1"], again.Agents["a1"].Holders);
        Assert.True(after.Propose(step).Held);
    }
}
