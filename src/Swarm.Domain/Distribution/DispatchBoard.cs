using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>
/// Who may take work and who is waiting for it: every agent's seats and the line of steps waiting for one, ordered
/// by priority, then arrival. Immutable; each change returns a new board, so the entity that keeps it stays thin.
/// Seats freed or added are offered to the line at once (<see cref="SeatGrant"/>s the caller delivers), so a waiting
/// step never polls.
/// </summary>
public sealed record DispatchBoard
{
    /// <summary>Smoothing of reputation: how much one outcome moves an agent's success rate for a capability.</summary>
    public const double ReputationRate = 0.1;

    /// <summary>
    /// Aging: a waiting step counts one priority level higher for each this long it has waited, so a steady stream of
    /// urgent work cannot starve a low-priority step until its wait limit fails it (priority 1 catches up with a fresh
    /// priority 10 after nine minutes).
    /// </summary>
    public static readonly TimeSpan AgingStep = TimeSpan.FromMinutes(1);

    /// <summary>Schema version of the stored record.</summary>
    public int Version { get; init; } = 1;

    public IReadOnlyDictionary<string, BoardAgent> Agents { get; init; } = new Dictionary<string, BoardAgent>(StringComparer.Ordinal);

    /// <summary>Steps waiting for a seat, in the order they are served.</summary>
    public IReadOnlyList<SeatRequest> Waiting { get; init; } = [];

    public long Granted { get; init; }

    public long Succeeded { get; init; }

    public long Failed { get; init; }

    /// <summary>Adds an agent, or updates its profile while keeping its seats and record; then serves the line.</summary>
    public (DispatchBoard Board, IReadOnlyList<SeatGrant> Grants) Register(AgentProfile profile, bool accepting, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var fresh = BoardAgent.From(profile, accepting);
        // An agent on its way out (retiring) stays on its way out: a late registration must not bring it back.
        var agent = Agents.TryGetValue(profile.Id, out var known)
            ? fresh with { Holders = known.Holders, Reputation = known.Reputation, Leaving = known.Leaving, Accepting = accepting && !known.Leaving }
            : fresh;
        return (this with { Agents = With(agent) }).Serve(now);
    }

    /// <summary>Stops giving the agent new seats because it drains or retires; it leaves the board once it holds none.</summary>
    public DispatchBoard Withdraw(string agentId)
    {
        if (!Agents.TryGetValue(agentId, out var agent))
        {
            return this;
        }

        if (agent.Holders.Count == 0)
        {
            var rest = new Dictionary<string, BoardAgent>(Agents, StringComparer.Ordinal);
            rest.Remove(agentId);
            return this with { Agents = rest };
        }

        return this with { Agents = With(agent with { Accepting = false, Leaving = true }) };
    }

    /// <summary>Stops giving the agent new seats for now (it is unhealthy); it keeps its place and its record until it registers again.</summary>
    public DispatchBoard Suspend(string agentId) =>
        Agents.TryGetValue(agentId, out var agent) ? this with { Agents = With(agent with { Accepting = false }) } : this;

    /// <summary>
    /// Grants the best fitting agent's seat, or queues the step, or says no agent can ever take it. Asking again for
    /// a seat the step holds, or a place it has, gives the same answer: a durable caller may repeat itself after a crash.
    /// </summary>
    public (DispatchBoard Board, SeatDecision Decision) Request(SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HolderOf(request.Holder) is { } holding)
        {
            return (this, SeatDecision.Granted(holding.Id, "already held"));
        }

        var place = IndexInLine(request.Holder);
        if (place >= 0)
        {
            return (this, SeatDecision.Queued(place + 1, "waiting for a fitting agent to free a seat"));
        }

        if (AgentSelector.Rank(Agents.Values, request).FirstOrDefault() is { Agent: { } chosen, Score: var score })
        {
            return (Seat(chosen, request), SeatDecision.Granted(chosen.Id, Explain(chosen, request, score)));
        }

        // With no agents at all the swarm is still starting; otherwise a capability nobody has will never come free.
        // A suspended agent may come back (self-healing reinstates it), so a step it could take waits for it.
        if (Agents.Count > 0 && !Agents.Values.Any(a => AgentSelector.Qualifies(a with { Accepting = !a.Leaving }, request)))
        {
            return (this, SeatDecision.NoFit(NoFitReason(request)));
        }

        var line = Line([.. Waiting, request]);
        return (this with { Waiting = line }, SeatDecision.Queued(IndexIn(line, request.Holder) + 1, "every fitting agent is busy"));
    }

    /// <summary>
    /// Frees a seat and, when the step's outcome is known, moves the agent's reputation for the step's capabilities
    /// toward it; then offers freed seats to the line. Releasing a seat that is not held changes nothing.
    /// </summary>
    public (DispatchBoard Board, IReadOnlyList<SeatGrant> Grants) Release(SeatRelease release, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (!Agents.TryGetValue(release.AgentId, out var agent) || !agent.Holders.Contains(release.Holder, StringComparer.Ordinal))
        {
            return (this, []);
        }

        var reputation = new Dictionary<string, double>(agent.Reputation, StringComparer.OrdinalIgnoreCase);
        if (release.Succeeded is { } succeeded)
        {
            IEnumerable<string> keys = release.Capabilities.Count > 0 ? release.Capabilities : [AgentSelector.GeneralCapability];
            foreach (var key in keys)
            {
                var before = reputation.TryGetValue(key, out var r) ? r : AgentSelector.NeutralReputation;
                reputation[key] = before + (ReputationRate * ((succeeded ? 1.0 : 0.0) - before));
            }
        }

        var freed = agent with { Holders = [.. agent.Holders.Where(h => h != release.Holder)], Reputation = reputation };
        var board = this with
        {
            Agents = With(freed),
            Succeeded = Succeeded + (release.Succeeded == true ? 1 : 0),
            Failed = Failed + (release.Succeeded == false ? 1 : 0),
        };
        if (freed.Leaving && freed.Holders.Count == 0)
        {
            board = board.Withdraw(freed.Id);
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
            return (this, SeatDecision.Granted(agent.Id, "granted while leaving"));
        }

        return (this with { Waiting = [.. Waiting.Where(w => w.Holder != holder)] }, null);
    }

    /// <summary>Offers free seats to the line, best served first; a step nobody fits now keeps its place.</summary>
    /// <param name="now">The time to age the line by; without it, no step has aged.</param>
    public (DispatchBoard Board, IReadOnlyList<SeatGrant> Grants) Serve(DateTimeOffset? now = null)
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

            if (AgentSelector.Rank(board.Agents.Values, waiting).FirstOrDefault() is { Agent: { } chosen, Score: var score })
            {
                board = board.Seat(chosen, waiting);
                grants.Add(new SeatGrant(waiting.TaskId, waiting.SeatKey, chosen.Id, Explain(chosen, waiting, score)));
            }
        }

        return (board, grants);
    }

    /// <summary>The line in numbers: waiting steps by priority, and when the oldest one started waiting.</summary>
    public QueueSummary Summarize() => new(
        Waiting.Count,
        Waiting.GroupBy(w => w.Priority).OrderByDescending(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
        Waiting.Count == 0 ? null : Waiting.Min(w => w.RequestedAt),
        Agents.Values.Sum(a => a.Load),
        Agents.Values.Where(a => a.Accepting).Sum(a => a.MaxConcurrency),
        Agents.Count);

    DispatchBoard Seat(BoardAgent agent, SeatRequest request) => this with
    {
        Agents = With(agent with { Holders = [.. agent.Holders, request.Holder] }),
        Waiting = [.. Waiting.Where(w => w.Holder != request.Holder)],
        Granted = Granted + 1,
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

    static string Explain(BoardAgent agent, SeatRequest request, double score) =>
        $"{agent.Id} ({agent.Type.ToString().ToLowerInvariant()}, load {agent.Load}/{agent.MaxConcurrency}"
        + (request.Capabilities.Count > 0 ? $", has {string.Join(", ", request.Capabilities)}" : "")
        + $"): best score {score:0.000}";

    static string NoFitReason(SeatRequest request)
    {
        var needs = new List<string>();
        if (request.Capabilities.Count > 0)
        {
            needs.Add($"capabilities [{string.Join(", ", request.Capabilities)}]");
        }

        if (request.RequiredType is { } type)
        {
            needs.Add($"type {type.ToString().ToLowerInvariant()}");
        }

        var excluded = request.Exclude.Count > 0 ? $" other than [{string.Join(", ", request.Exclude)}]" : "";
        return $"No agent{excluded} accepting work has {(needs.Count > 0 ? string.Join(" and ", needs) : "what the step needs")}.";
    }
}
