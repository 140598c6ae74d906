using Swarm.Domain.Agents;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// Chooses the agent for a step. An agent fits when it accepts work, has a free seat, is not excluded, is of the
/// required type (if any), has every required capability, and holds no other seat of the same task (so the agents of
/// a parallel task are distinct while they work). An external agent (a person or program answering over the API, who
/// may take minutes or never answer) fits only a step that names it, or names capabilities, all of which it has: plain
/// work never waits on one. A step that names an agent fits no other. Skill only orders the fitting agents and never
/// filters them. Fitting model agents always rank before fitting external agents; within each, by a score in [0, 1]:
/// <list type="bullet">
/// <item>0.35 × skill value v: chosen by the policy's algorithm from the agent's <see cref="SkillPosterior"/> for the request (docs/design/learning.md §2.2): the mean (greedy, epsilon-greedy), a Beta draw (thompson), the one-sided 90 % upper bound (ucb, hybrid), 1 while its own records for the keys have taken fewer than <see cref="SkillPosterior.WarmUpSignals"/> signals and it could still be the best (warm-up, every algorithm; <see cref="SkillPosterior.WarmsUpAgainst"/>), one half when learning is off;</item>
/// <item>0.25 × free capacity: 1 − load / maxConcurrency, so work spreads instead of piling on one agent;</item>
/// <item>0.25 × type fit: for a task that names capabilities a specialist 1, a worker 0.8, a queen 0.2; for one that names none a worker 1, a specialist 0.5, a queen 0.2 (queens plan and merge, and specialists are kept for their expertise);</item>
/// <item>0.15 × role priority / 10, so priority breaks near-ties without overriding the agent's type.</item>
/// </list>
/// Under epsilon-greedy, with probability ε (the draw's u &lt; ε), and under hybrid with a chance that starts at ε and
/// fades as the tier learns the request's key (<see cref="ExplorationChance"/>), the request explores instead: one agent of
/// its exploration tier (the fitting agents of the best external-then-type-fit pair, so exploring never sends plain work
/// to a queen or an external agent), picked uniformly, ranks first. Exploring is skipped while every agent of the tier
/// is warming up, since warm-up already gives them the work. Ties go to the agent id that sorts first, so given the
/// board and the draw the choice is deterministic.
/// </summary>
public static class AgentSelector
{
    /// <summary>The skill key for steps that name no capability.</summary>
    public const string GeneralCapability = "general";

    /// <summary>The skill value of an agent with no record (and of every agent while learning is off).</summary>
    public const double NeutralReputation = 0.5;

    /// <summary>
    /// The evidence of an exploration tier on a key after which hybrid's exploration starts to fade: five agents through
    /// their warm-up (<see cref="SkillPosterior.WarmUpSignals"/> each) hold about 20.
    /// </summary>
    public const double ExplorationFadeEvidence = 20;

    /// <summary>
    /// The chance that a request explores. Epsilon-greedy: ε, always. Hybrid: ε × min(1, √(20 / n)), n the tier's evidence
    /// on the request's key (the sum of its agents' posterior counts, <see cref="SkillPosterior.Evidence"/>): full ε while
    /// the key is new, ε/2 at 80, ε/4 at 320 (each agent's evidence is bounded near 1/η). Its bound already
    /// tries every agent it is unsure of, so a constant floor would only keep paying for what the board knows (0.1 ×
    /// the gap to the best agent, about 2.6 points in the learning bench); as the learning pass relaxes unconfirmed
    /// records, n falls and the chance rises again. It never reaches zero.
    /// </summary>
    public static double ExplorationChance(LearningPolicy policy, double tierEvidence)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Algorithm == RoutingAlgorithm.Hybrid && tierEvidence > ExplorationFadeEvidence
            ? policy.ExplorationRate * Math.Sqrt(ExplorationFadeEvidence / tierEvidence)
            : policy.ExplorationRate;
    }

    /// <summary>The fitting agents, best first, under <paramref name="policy"/> with the request's <paramref name="draw"/>.</summary>
    public static IReadOnlyList<RankedAgent> Rank(IEnumerable<BoardAgent> agents, SeatRequest request, LearningPolicy policy, SelectionDraw draw)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(draw);
        var fitting = agents.Where(a => Fits(a, request)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var explored = Explored(fitting, request, policy, draw);
        // One posterior per agent for this request: the best known mean is read from all of them before any is valued.
        var posteriors = policy.Enabled ? fitting.ToDictionary(a => a.Id, a => SkillPosterior.For(a, request, policy.GlobalShrink, policy.RecordStrength), StringComparer.Ordinal) : null;
        var bestKnownMean = posteriors?.Values.Where(p => !p.WarmingUp).Select(p => (double?)p.Mean).Max();
        return
        [
            .. fitting
                .Select(a => a == explored.Agent ? Ranked(a, request, explored.Choice!) : Ranked(a, request, Value(a, posteriors?[a.Id], policy, draw, bestKnownMean)))
                .OrderBy(r => r.Agent.IsExternal)
                .ThenByDescending(r => r.Agent == explored.Agent)
                .ThenByDescending(r => r.Score)
                .ThenBy(r => r.Agent.Id, StringComparer.Ordinal),
        ];
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

    /// <summary>The composite score of an agent for a request, given its skill value v.</summary>
    public static double Score(BoardAgent agent, SeatRequest request, double skill)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        var free = 1.0 - ((double)agent.Load / agent.MaxConcurrency);
        return (0.35 * skill) + (0.25 * free) + (0.25 * TypeFit(agent, request)) + (0.15 * (agent.RolePriority / 10.0));
    }

    /// <summary>
    /// How many of <paramref name="agents"/> fit the request in <paramref name="agent"/>'s exploration tier (the same
    /// external-or-not and type fit): what an explored agent was picked among.
    /// </summary>
    public static int TierSize(IEnumerable<BoardAgent> agents, BoardAgent agent, SeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        return agents.Count(a => Fits(a, request) && a.IsExternal == agent.IsExternal && TypeFit(a, request).Equals(TypeFit(agent, request)));
    }

    /// <summary>The type fit of an agent for a request (weighted 0.25 in the score; with external-or-not, the exploration tier).</summary>
    public static double TypeFit(BoardAgent agent, SeatRequest request) => agent.Type switch
    {
        AgentType.Specialist => request.Capabilities.Count > 0 ? 1.0 : 0.5,
        AgentType.Worker => request.Capabilities.Count > 0 ? 0.8 : 1.0,
        _ => 0.2,
    };

    static RankedAgent Ranked(BoardAgent agent, SeatRequest request, SkillChoice choice) => new(agent, Score(agent, request, choice.Value), choice);

    /// <param name="posterior">The agent's posterior for the request; null while learning is off.</param>
    /// <param name="bestKnownMean">The highest mean among the fitting agents done warming up, which ends a hopeless warm-up early (<see cref="SkillPosterior.WarmsUpAgainst"/>).</param>
    static SkillChoice Value(BoardAgent agent, SkillPosterior? posterior, LearningPolicy policy, SelectionDraw draw, double? bestKnownMean)
    {
        if (posterior is null)
        {
            return new SkillChoice(NeutralReputation, SkillChoice.Off, "learning off");
        }

        var name = policy.AlgorithmName;
        var similar = posterior.HasSimilar ? $"; similar {posterior.SimilarSucceeded}✓ {posterior.SimilarFailed}✗" : "";
        if (posterior.WarmsUpAgainst(bestKnownMean))
        {
            return new SkillChoice(1, SkillChoice.WarmUp, $"{name} warm-up ({posterior.OwnSignals:0.#} of {SkillPosterior.WarmUpSignals} signals{similar})");
        }

        // Hybrid exploits by the same bound; its ε floor of uniform exploration is drawn before ranking (Explored).
        if (policy.Algorithm is RoutingAlgorithm.Ucb or RoutingAlgorithm.Hybrid)
        {
            var bound = posterior.UpperBound;
            return new SkillChoice(bound, SkillChoice.Exploit, $"{name} bound {bound:0.00} (mean {posterior.Mean:0.00}, n {posterior.Evidence:0.#}{similar})");
        }

        if (policy.Algorithm is RoutingAlgorithm.Greedy or RoutingAlgorithm.EpsilonGreedy)
        {
            return new SkillChoice(posterior.Mean, SkillChoice.Exploit, $"{name} mean {posterior.Mean:0.00} (n {posterior.Evidence:0.#}{similar})");
        }

        var sample = draw.Sample(agent.Id, posterior.Alpha, posterior.Beta);
        return new SkillChoice(sample, SkillChoice.Sample, $"{name} sample {sample:0.00} (mean {posterior.Mean:0.00}, n {posterior.Evidence:0.#}{similar})");
    }

    // With probability ε (or hybrid's faded chance c), one agent of the exploration tier, uniformly: ⌊(u/c)·m⌋ is uniform
    // over the tier given u < c.
    static (BoardAgent? Agent, SkillChoice? Choice) Explored(List<BoardAgent> fitting, SeatRequest request, LearningPolicy policy, SelectionDraw draw)
    {
        if (!policy.Enabled || policy.Algorithm is not (RoutingAlgorithm.EpsilonGreedy or RoutingAlgorithm.Hybrid) || draw.Uniform >= policy.ExplorationRate || fitting.Count == 0)
        {
            return (null, null);
        }

        var best = fitting.Min(a => (a.IsExternal ? 1 : 0, -TypeFit(a, request)));
        var tier = fitting.Where(a => (a.IsExternal ? 1 : 0, -TypeFit(a, request)) == best).ToList();
        if (tier.All(a => SkillPosterior.For(a, request, policy.GlobalShrink, policy.RecordStrength).WarmingUp))
        {
            return (null, null);
        }

        var evidence = tier.Sum(a => SkillPosterior.For(a, request, policy.GlobalShrink, policy.RecordStrength).Evidence);
        var chance = ExplorationChance(policy, evidence);
        if (draw.Uniform >= chance)
        {
            return (null, null);
        }

        var index = Math.Min(tier.Count - 1, (int)(draw.Uniform / chance * tier.Count));
        var epsilon = chance < policy.ExplorationRate ? $"ε {chance:0.000} of {policy.ExplorationRate:0.00} at evidence {evidence:0.#}" : $"ε {policy.ExplorationRate:0.00}";
        return (tier[index], new SkillChoice(
            SkillPosterior.For(tier[index], request, policy.GlobalShrink, policy.RecordStrength).Mean, SkillChoice.Explore, $"{policy.AlgorithmName} explored ({epsilon}, {index + 1} of {tier.Count})"));
    }
}
