using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>
/// Chooses the agent for a step. An agent fits when it accepts work, has a free seat, is not excluded, is of the
/// required type (if any), has every required capability, and holds no other seat of the same task (so the agents of
/// a parallel task are distinct while they work). An external agent (a person or program answering over the API, who
/// may take minutes or never answer) fits only a step that names it, or names capabilities, all of which it has: plain
/// work never waits on one. A step that names an agent fits no other. Fitting model agents always rank before fitting external agents; within each, by a score in [0, 1]:
/// <list type="bullet">
/// <item>0.35 × reputation: the mean, over the required capabilities (or "general" when none), of its smoothed success rate (0.5 until it has a record);</item>
/// <item>0.25 × free capacity: 1 − load / maxConcurrency, so work spreads instead of piling on one agent;</item>
/// <item>0.25 × type fit: for a task that names capabilities a specialist 1, a worker 0.8, a queen 0.2; for one that names none a worker 1, a specialist 0.5, a queen 0.2 (queens plan and merge, and specialists are kept for their expertise);</item>
/// <item>0.15 × role priority / 10, so priority breaks near-ties without overriding the agent's type.</item>
/// </list>
/// Ties go to the agent id that sorts first, so the choice is deterministic.
/// </summary>
public static class AgentSelector
{
    /// <summary>The reputation key for steps that name no capability.</summary>
    public const string GeneralCapability = "general";

    /// <summary>Reputation of an agent with no record for a capability yet.</summary>
    public const double NeutralReputation = 0.5;

    public static IEnumerable<(BoardAgent Agent, double Score)> Rank(IEnumerable<BoardAgent> agents, SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(request);
        return agents
            .Where(a => Fits(a, request))
            .Select(a => (Agent: a, Score: Score(a, request)))
            .OrderBy(r => r.Agent.IsExternal)
            .ThenByDescending(r => r.Score)
            .ThenBy(r => r.Agent.Id, StringComparer.Ordinal);
    }

    /// <summary>Whether the agent could ever take the step, ignoring how busy it is now (and, if asked, that it is unhealthy for now).</summary>
    public static bool Qualifies(BoardAgent agent, SeatRequest request, bool evenIfUnhealthy = false)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        return (agent.Accepting || (evenIfUnhealthy && !agent.Leaving))
            && !request.Exclude.Contains(agent.Id, StringComparer.Ordinal)
            && (request.Agent is null || string.Equals(agent.Id, request.Agent, StringComparison.Ordinal))
            && (request.RequiredType is null || agent.Type == request.RequiredType)
            && (!agent.IsExternal || request.Capabilities.Count > 0 || request.Agent is not null)
            && request.Capabilities.All(agent.Has);
    }

    public static bool Fits(BoardAgent agent, SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.TaskId + "/";
        return Qualifies(agent, request) && agent.HasFreeSeat && !agent.Holders.Any(h => h.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static double Score(BoardAgent agent, SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        IEnumerable<string> keys = request.Capabilities.Count > 0 ? request.Capabilities : [GeneralCapability];
        var reputation = keys.Average(k => agent.Reputation.TryGetValue(k, out var r) ? r : NeutralReputation);
        var free = 1.0 - ((double)agent.Load / agent.MaxConcurrency);
        var typeFit = agent.Type switch
        {
            AgentType.Specialist => request.Capabilities.Count > 0 ? 1.0 : 0.5,
            AgentType.Worker => request.Capabilities.Count > 0 ? 0.8 : 1.0,
            _ => 0.2,
        };
        return (0.35 * reputation) + (0.25 * free) + (0.25 * typeFit) + (0.15 * (agent.RolePriority / 10.0));
    }
}
