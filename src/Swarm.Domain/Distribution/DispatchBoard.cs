using Swarm.Domain.Agents;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// Who may take work and who is waiting for it: every agent's seats, health, skill and statistics, and the line of
/// steps waiting for a seat, ordered by priority, then arrival. It is the one owner of seats: a step asks it for one
/// (<see cref="Request"/>), works, and gives it back with its outcome (<see cref="Release"/>); nothing else claims or
/// counts. Immutable; each change returns a new board, so the entity that keeps it stays thin. Seats freed or added are
/// offered to the line at once (<see cref="SeatGrant"/>s the caller delivers), so a waiting step never polls.
/// </summary>
public sealed record DispatchBoard
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentVersion = 3;

    /// <summary>How many signal ids the board remembers to drop a signal that arrives twice.</summary>
    public const int RecentSignalCount = 1_024;

    /// <summary>
    /// Aging: a waiting step counts one priority level higher for each this long it has waited, so a steady stream of
    /// urgent work cannot starve a low-priority step until its wait limit fails it (priority 1 catches up with a fresh
    /// priority 10 after nine minutes).
    /// </summary>
    public static readonly TimeSpan AgingStep = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Schema version of the stored record. 2: agents carry their profile, health and statistics. 3: agents carry skill
    /// estimates and their trace (a version 2 agent's are derived from its reputation on the board's first write), and
    /// the board its learning policy, recent signal ids and routing counts.
    /// </summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>How the board learns and routes; null until configured, which behaves as <see cref="LearningPolicy.Default"/>.</summary>
    public LearningPolicy? Policy { get; init; }

    /// <summary>The ids of the last <see cref="RecentSignalCount"/> signals taken by <see cref="Learn"/>, newest last.</summary>
    public IReadOnlyList<string>? RecentSignals { get; init; }

    /// <summary>Seat decisions and skill updates by kind, for the metrics.</summary>
    public RoutingCounts? Routing { get; init; }

    /// <summary>The policy in force.</summary>
    public LearningPolicy EffectivePolicy => Policy ?? LearningPolicy.Default;

    public IReadOnlyDictionary<string, BoardAgent> Agents { get; init; } = new Dictionary<string, BoardAgent>(StringComparer.Ordinal);

    /// <summary>Steps waiting for a seat, in the order they are served.</summary>
    public IReadOnlyList<SeatRequest> Waiting { get; init; } = [];

    public long Granted { get; init; }

    public long Succeeded { get; init; }

    public long Failed { get; init; }

    /// <summary>When <see cref="Relax"/> last ran; agents with no outcome since then are the ones it relaxes.</summary>
    public DateTimeOffset? LastRelaxedAt { get; init; }

    /// <summary>
    /// Adds an agent, or updates its profile while keeping its seats and record; then serves the line. An agent that is
    /// not <paramref name="accepting"/> (provisioned while it drains) is leaving from the start.
    /// </summary>
    public BoardChange Register(AgentProfile profile, bool accepting, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // An agent on its way out (retiring) stays on its way out: a late registration must not bring it back.
        var agent = Agents.TryGetValue(profile.Id, out var known)
            ? known with { Profile = profile, Leaving = known.Leaving || !accepting }
            : BoardAgent.From(profile) with { Leaving = !accepting };
        return (this with { Agents = With(agent) }).Serve(now);
    }

    /// <summary>
    /// Stops giving the agent new seats because it drains or retires. It leaves the board now if it holds no seat,
    /// otherwise with its last one, when <paramref name="watcher"/> (a retirement) is told (<see cref="AgentDeparture"/>).
    /// </summary>
    public (DispatchBoard Board, Withdrawal Withdrawal) Withdraw(string agentId, string? watcher = null)
    {
        if (!Agents.TryGetValue(agentId, out var agent))
        {
            return (this, new Withdrawal(true, null));
        }

        if (agent.Holders.Count == 0)
        {
            return (Without(agentId), new Withdrawal(true, agent.Work));
        }

        IReadOnlyList<string> watchers = [.. (agent.LeaveWatchers ?? []).Append(watcher).OfType<string>().Distinct(StringComparer.Ordinal)];
        return (this with { Agents = With(agent with { Leaving = true, LeaveWatchers = watchers }) }, new Withdrawal(false, null));
    }

    /// <summary>Ends an unhealthy agent's probation: clears its failure streak (keeping its record) and serves the line.</summary>
    public BoardChange Reinstate(string agentId, DateTimeOffset? now = null) =>
        Agents.TryGetValue(agentId, out var agent) && agent.IsUnhealthy
            ? (this with { Agents = With(agent with { Work = agent.Work.Reinstate() }) }).Serve(now)
            : new BoardChange(this, []);

    /// <summary>Sets how the board learns and routes (the <c>learning</c> settings), from the next operation on.</summary>
    public DispatchBoard Configure(LearningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return this with { Policy = policy };
    }

    /// <summary>
    /// Takes one signal about an agent (a consensus vote, a rating): each of its keys' estimates moves toward its value at
    /// the policy's learning rate, traced. A signal whose id the board saw recently, or about an agent not on the board,
    /// changes nothing; while learning is off it is counted as ignored and changes no estimate.
    /// </summary>
    public DispatchBoard Learn(SkillSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if ((RecentSignals ?? []).Contains(signal.Id, StringComparer.Ordinal) || !Agents.TryGetValue(signal.AgentId, out var agent))
        {
            return this;
        }

        var remembered = this with { RecentSignals = [.. (RecentSignals ?? []).TakeLast(RecentSignalCount - 1), signal.Id] };
        return remembered.Teach(agent, signal);
    }

    /// <summary>
    /// The learning pass: an estimate no signal changed since the previous pass loses evidence at <paramref name="rate"/>
    /// when its key was taught since then (another agent took work on it), so its mean moves toward one half and its
    /// doubt widens: a record that its key's work has passed by fades, and an agent that had a bad spell is tried again
    /// instead of being starved by it. A key nobody worked on keeps its records: they go stale with the key's work, not
    /// with the clock, so a swarm that gets a task an hour does not forget between tasks what it learnt from them
    /// (docs/design/learning.md §2.5). The first pass only marks the time.
    /// </summary>
    public DispatchBoard Relax(double rate, DateTimeOffset now)
    {
        var since = LastRelaxedAt;
        var board = this with { LastRelaxedAt = now, Version = CurrentVersion };
        if (since is not { } from)
        {
            return board;
        }

        var taught = Agents.Values
            .SelectMany(a => a.EstimatesOrMigrated())
            .Where(estimate => estimate.Value.UpdatedAt >= from)
            .Select(estimate => estimate.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var agents = new Dictionary<string, BoardAgent>(Agents, StringComparer.Ordinal);
        var relaxed = 0;
        foreach (var agent in Agents.Values)
        {
            (agents[agent.Id], var count) = agent.Relax(rate, from, now, taught);
            relaxed += count;
        }

        return board with { Agents = agents, Routing = (Routing ?? RoutingCounts.None).Updated(RoutingCounts.NameOf(SkillKind.Relax), relaxed) };
    }

    /// <summary>Returns an agent's estimate for one capability (or all, for a null one) to the prior, traced and dated.</summary>
    public DispatchBoard ResetSkill(string agentId, string? capability, DateTimeOffset at)
    {
        if (!Agents.TryGetValue(agentId, out var agent))
        {
            return this;
        }

        return this with
        {
            Agents = With(agent.ResetSkill(capability, at)),
            Routing = (Routing ?? RoutingCounts.None).Updated(RoutingCounts.NameOf(SkillKind.Reset)),
            Version = CurrentVersion,
        };
    }

    /// <summary>
    /// Grants the best fitting agent's seat, or queues the step, or says no agent can ever take it. Asking again for
    /// a seat the step holds, or a place it has, gives the same answer: a durable caller may repeat itself after a crash.
    /// </summary>
    public (DispatchBoard Board, SeatDecision Decision) Request(SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HolderOf(request.Holder) is { } holding)
        {
            return (this, SeatDecision.Granted(holding.Profile, "already held"));
        }

        var place = IndexInLine(request.Holder);
        if (place >= 0)
        {
            return (this, SeatDecision.Queued(place + 1, "waiting for a fitting agent to free a seat"));
        }

        if (Best(request) is { } best)
        {
            return (Seat(best, request), SeatDecision.Granted(best.Agent.Profile, Explain(best, request)));
        }

        // With no agents at all the swarm is still starting; otherwise a capability nobody has will never come free.
        // A suspended agent may come back (self-healing reinstates it), so a step it could take waits for it.
        if (Agents.Count > 0 && !Agents.Values.Any(a => !a.Leaving && AgentSelector.Qualifies(a, request, evenIfUnhealthy: true)))
        {
            return (this, SeatDecision.NoFit(NoFitReason(request)));
        }

        var line = Line([.. Waiting, request]);
        return (this with { Waiting = line }, SeatDecision.Queued(IndexIn(line, request.Holder) + 1, "every fitting agent is busy"));
    }

    /// <summary>
    /// A sharded step's first ask (<c>dispatch:shards</c> &gt; 1): grants a seat as <see cref="Request"/> does, but never puts
    /// the step in line; it answers <see cref="SeatOutcome.Busy"/> when a fitting agent is full, and
    /// <see cref="SeatOutcome.NoAgents"/> on a board with no agent at all, so the step can try the other shards first and
    /// decide for the swarm whether nobody fits. A step already in line keeps its place.
    /// </summary>
    public (DispatchBoard Board, SeatDecision Decision) Offer(SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Agents.Count == 0 && IndexInLine(request.Holder) < 0)
        {
            return (this, SeatDecision.NoAgents("no agent is placed on this shard"));
        }

        var (board, decision) = Request(request);
        return decision.Outcome == SeatOutcome.Queued && IndexInLine(request.Holder) < 0
            ? (this, SeatDecision.Busy("every fitting agent is busy"))
            : (board, decision);
    }

    /// <summary>
    /// A sharded step's first ask (<c>dispatch:shards</c> &gt; 1), read-only: the agent this board would grant now, with the
    /// score and skill choice it ranked it by, or <see cref="SeatOutcome.Busy"/>, <see cref="SeatOutcome.NoFit"/> or
    /// <see cref="SeatOutcome.NoAgents"/>. It ranks with the request's swarm draw (<see cref="SelectionDraw.ForSwarm"/>), the
    /// same on every shard, so the step can compare the shards' proposals (<see cref="ShardProposals.ClaimOrder"/>) as one
    /// board would compare their agents, and then <see cref="Claim"/> the best.
    /// </summary>
    public SeatProposal Propose(SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HolderOf(request.Holder) is { } holding)
        {
            return new SeatProposal(SeatOutcome.Granted, holding.Id, 0, null, holding.IsExternal, 0, 0, true, "already held");
        }

        if (Agents.Count == 0)
        {
            return SeatProposal.None(SeatOutcome.NoAgents, "no agent is placed on this shard");
        }

        if (AgentSelector.Rank(Agents.Values, request, EffectivePolicy, SelectionDraw.ForSwarm(request.Holder)) is [var best, ..])
        {
            var tier = best.Skill.Kind == SkillChoice.Explore ? AgentSelector.TierSize(Agents.Values, best.Agent, request) : 0;
            return new SeatProposal(
                SeatOutcome.Granted, best.Agent.Id, best.Score, best.Skill, best.Agent.IsExternal, AgentSelector.TypeFit(best.Agent, request), tier, false, Explain(best, request));
        }

        return Agents.Values.Any(a => !a.Leaving && AgentSelector.Qualifies(a, request, evenIfUnhealthy: true))
            ? SeatProposal.None(SeatOutcome.Busy, "every fitting agent is busy")
            : SeatProposal.None(SeatOutcome.NoFit, NoFitReason(request));
    }

    /// <summary>
    /// Takes the seat this board proposed (<see cref="Propose"/>): the proposed agent's, if it still fits and has a free
    /// seat, granted with the proposal's reason and counted by its skill choice; otherwise <see cref="SeatOutcome.Busy"/>
    /// and the board unchanged, so the step claims on the next-best shard. A seat the step already holds is granted again.
    /// Never puts the step in line.
    /// </summary>
    public (DispatchBoard Board, SeatDecision Decision) Claim(SeatClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (request, proposal) = (claim.Request, claim.Proposal);
        if (HolderOf(request.Holder) is { } holding)
        {
            return (this, SeatDecision.Granted(holding.Profile, "already held"));
        }

        if (proposal.AgentId is { } id && Agents.TryGetValue(id, out var agent) && AgentSelector.Fits(agent, request))
        {
            var skill = proposal.Skill ?? new SkillChoice(AgentSelector.NeutralReputation, SkillChoice.Off, "proposed");
            return (Seat(new RankedAgent(agent, proposal.Score, skill), request), SeatDecision.Granted(agent.Profile, proposal.Reason));
        }

        return (this, SeatDecision.Busy($"the proposed agent {proposal.AgentId ?? "(none)"} no longer has a free seat for the step"));
    }

    /// <summary>
    /// Frees a seat and, when the step's outcome is known, counts it for the agent (statistics and failure streak) and
    /// teaches its skill estimates for the step's capabilities an <c>outcome</c> signal (and a <c>late</c> one when the
    /// task's deadline ended the step, which counts in no statistics); then offers freed seats to the line. A leaving agent
    /// that gave its last seat back leaves the board (<see cref="BoardChange.Departure"/>). Releasing a seat that is not
    /// held changes nothing, so a repeated release counts once.
    /// </summary>
    public BoardChange Release(SeatRelease release, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (!Agents.TryGetValue(release.AgentId, out var agent) || !agent.Holders.Contains(release.Holder, StringComparer.Ordinal))
        {
            return new BoardChange(this, []);
        }

        var freed = agent with
        {
            Holders = [.. agent.Holders.Where(h => h != release.Holder)],
            Work = release.Outcome is { } outcome ? agent.Work.Record(outcome) : agent.Work,
        };
        var board = this with
        {
            Agents = With(freed),
            Succeeded = Succeeded + (release.Outcome?.Succeeded == true ? 1 : 0),
            Failed = Failed + (release.Outcome?.Succeeded == false ? 1 : 0),
        };

        // The seat check above already makes a repeated release count once, so these signals skip the recent-id ring
        // (which then keeps its room for signals that have no such check).
        if (release.Outcome is { } judged)
        {
            board = board.Teach(freed, new SkillSignal($"release:{release.Holder}", SkillKind.Outcome, freed.Id, release.SkillKeys, judged.Succeeded ? 1 : 0, 1, judged.At));
            freed = board.Agents[freed.Id];
        }

        // Dated by the keeper's clock (the domain reads none); a caller that passes no time dates it at the epoch.
        if (release.Late)
        {
            board = board.Teach(freed, new SkillSignal($"late:{release.Holder}", SkillKind.Late, freed.Id, release.SkillKeys, 0, 0.5, release.Outcome?.At ?? now ?? DateTimeOffset.UnixEpoch));
            freed = board.Agents[freed.Id];
        }

        if (freed.Leaving && freed.Holders.Count == 0)
        {
            return board.Without(freed.Id).Serve(now) with { Departure = new AgentDeparture(freed.Id, freed.LeaveWatchers ?? [], freed.Work) };
        }

        return board.Serve(now);
    }

    /// <summary>
    /// Takes a step out of the line (it stopped waiting). If a seat was granted to it meanwhile, the grant is returned:
    /// the offer is on its way, and the step should use the seat or release it.
    /// </summary>
    public (DispatchBoard Board, SeatDecision? Granted) Leave(string taskId, string seatKey)
    {
        var holder = SeatRequest.HolderOf(taskId, seatKey);
        if (HolderOf(holder) is { } agent)
        {
            return (this, SeatDecision.Granted(agent.Profile, "granted while leaving"));
        }

        return (this with { Waiting = [.. Waiting.Where(w => w.Holder != holder)] }, null);
    }

    /// <summary>Offers free seats to the line, best served first; a step nobody fits now keeps its place.</summary>
    /// <param name="now">The time to age the line by; without it, no step has aged.</param>
    public BoardChange Serve(DateTimeOffset? now = null)
    {
        var board = this;
        var grants = new List<SeatGrant>();
        foreach (var waiting in InServiceOrder(Waiting, now))
        {
            // A long line with every seat taken is common under load; stop as soon as nothing can be given.
            if (!board.Agents.Values.Any(a => a.Accepting && a.HasFreeSeat))
            {
                break;
            }

            if (board.Best(waiting) is { } best)
            {
                board = board.Seat(best, waiting);
                grants.Add(new SeatGrant(waiting.TaskId, waiting.SeatKey, best.Agent.Profile, Explain(best, waiting)));
            }
        }

        return new BoardChange(board, grants);
    }

    /// <summary>The line in numbers: waiting steps by priority, and when the oldest one started waiting.</summary>
    public QueueSummary Summarize() => new(
        Waiting.Count,
        Waiting.GroupBy(w => w.Priority).OrderByDescending(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
        Waiting.Count == 0 ? null : Waiting.Min(w => w.RequestedAt),
        Agents.Values.Sum(a => a.Load),
        Agents.Values.Where(a => a.Accepting).Sum(a => a.MaxConcurrency),
        Agents.Count);

    // Applies a signal already known to be new; while learning is off it is only counted.
    DispatchBoard Teach(BoardAgent agent, SkillSignal signal)
    {
        var policy = EffectivePolicy;
        var counts = Routing ?? RoutingCounts.None;
        if (!policy.Enabled)
        {
            return this with { Routing = counts.Updated("ignored") };
        }

        return this with
        {
            Agents = With(agent.Learn(signal, policy.LearningRate)),
            Routing = counts.Updated(RoutingCounts.NameOf(signal.Kind), BoardAgent.KeysOf(signal.Keys).Count),
            Version = CurrentVersion,
        };
    }

    // The draw is seeded by the request and how many seats were granted, so a re-run request chooses as the first did.
    RankedAgent? Best(SeatRequest request) =>
        AgentSelector.Rank(Agents.Values, request, EffectivePolicy, SelectionDraw.For(request.Holder, Granted)) is [var best, ..] ? best : null;

    DispatchBoard Seat(RankedAgent chosen, SeatRequest request) => this with
    {
        Agents = With(chosen.Agent with { Holders = [.. chosen.Agent.Holders, request.Holder] }),
        Waiting = [.. Waiting.Where(w => w.Holder != request.Holder)],
        Granted = Granted + 1,
        Routing = (Routing ?? RoutingCounts.None).Decided(chosen.Skill.Kind),
    };

    BoardAgent? HolderOf(string holder) => Agents.Values.FirstOrDefault(a => a.Holders.Contains(holder, StringComparer.Ordinal));

    int IndexInLine(string holder) => IndexIn(Waiting, holder);

    static int IndexIn(IReadOnlyList<SeatRequest> line, string holder)
    {
        for (var i = 0; i < line.Count; i++)
        {
            if (line[i].Holder == holder)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The line as it is served at <paramref name="now"/>: by aged priority, then arrival.</summary>
    public static IEnumerable<SeatRequest> InServiceOrder(IEnumerable<SeatRequest> waiting, DateTimeOffset? now) =>
        waiting
            .OrderByDescending(w => w.Priority + (now is { } at && at > w.RequestedAt ? (int)((at - w.RequestedAt) / AgingStep) : 0))
            .ThenBy(w => w.RequestedAt)
            .ThenBy(w => w.Holder, StringComparer.Ordinal);

    static IReadOnlyList<SeatRequest> Line(IEnumerable<SeatRequest> waiting) => [.. InServiceOrder(waiting, null)];

    Dictionary<string, BoardAgent> With(BoardAgent agent) => new(Agents, StringComparer.Ordinal) { [agent.Id] = agent };

    DispatchBoard Without(string agentId)
    {
        var rest = new Dictionary<string, BoardAgent>(Agents, StringComparer.Ordinal);
        rest.Remove(agentId);
        return this with { Agents = rest };
    }

    static string Explain(RankedAgent chosen, SeatRequest request) =>
        $"{chosen.Agent.Id} ({chosen.Agent.Type.ToString().ToLowerInvariant()}, load {chosen.Agent.Load}/{chosen.Agent.MaxConcurrency}"
        + (request.Capabilities.Count > 0 ? $", has {string.Join(", ", request.Capabilities)}" : "")
        + $"): {chosen.Skill.Reason}; score {chosen.Score:0.000}";

    string NoFitReason(SeatRequest request)
    {
        var needs = new List<string>();
        if (request.Agent is { } named)
        {
            needs.Add($"the id '{named}'");
        }

        if (request.Capabilities.Count > 0)
        {
            needs.Add($"capabilities [{string.Join(", ", request.Capabilities)}]");
        }

        if (request.RequiredType is { } type)
        {
            needs.Add($"type {type.ToString().ToLowerInvariant()}");
        }

        var excluded = request.Exclude.Count > 0 ? $" other than [{string.Join(", ", request.Exclude)}]" : "";
        var external = request.Capabilities.Count == 0 && request.Agent is null && Agents.Values.Any(a => a.IsExternal)
            ? " External agents take only steps that name their expertise."
            : "";
        return $"No agent{excluded} accepting work has {(needs.Count > 0 ? string.Join(" and ", needs) : "what the step needs")}.{external}";
    }
}
