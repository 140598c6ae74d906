using Swarm.Domain.Distribution;

namespace Swarm.Domain.Learning;

/// <summary>
/// What routing believes of one candidate for one request (docs/design/learning.md §2.1): a Beta posterior joining the
/// agent's record for the request's keys (their mean S and F, shrunk by λ) with the request's similar-task evidence for
/// the agent (each neighbour's outcome weighted by its similarity): <c>α = 1 + λ·S̄ + Σ s·y</c>, <c>β = 1 + λ·F̄ + Σ s·(1 − y)</c>.
/// A request with a pattern key instead takes the agent's record for that pattern alone, and warms up per pattern.
/// </summary>
/// <param name="Alpha">α ≥ 1.</param>
/// <param name="Beta">β ≥ 1.</param>
/// <param name="OwnSignals">The mean over the keys of the signals their records took (with a pattern key, the pattern's), counted, not decayed, and without similar tasks: what warm-up looks at.</param>
/// <param name="SimilarSucceeded">Similar-task entries for the agent with a value of at least one half.</param>
/// <param name="SimilarFailed">Similar-task entries for the agent below one half.</param>
public sealed record SkillPosterior(double Alpha, double Beta, double OwnSignals, int SimilarSucceeded, int SimilarFailed)
{
    /// <summary>λ when the request carries similar-task evidence: the record becomes a prior that local evidence can overturn (otherwise outcomes count twice, in both).</summary>
    public const double GlobalShrink = 0.25;

    /// <summary>
    /// Not the default: the alternative the learning bench measures (m0 in docs/design/learning.md §2.1), where a request
    /// with evidence takes the record as a prior worth this many outcomes at its mean μ instead of shrinking it by λ.
    /// </summary>
    public const double MeasuredRecordStrength = 2;

    /// <summary>The quantile <see cref="RoutingAlgorithm.Ucb"/> ranks by: a one-sided 90 % upper bound.</summary>
    public const double UpperBoundLevel = 0.9;

    /// <summary>
    /// Until its records for the keys have taken this many signals an agent is warming up: it ranks with the best value,
    /// under every algorithm. Counted, not weighed: the evidence S + F fades (by η with each signal, and by the learning
    /// pass while nothing confirms it), so a threshold on it put an agent back into warm-up after every pass that found its
    /// record unconfirmed, and at η above 1/3, where S + F never reaches 3, kept every agent in warm-up for good. Four is
    /// what the old threshold of 3 units of evidence took at the default η 0.01 (three outcomes make 2.97).
    /// </summary>
    public const int WarmUpSignals = 4;

    /// <summary>The posterior mean.</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>n = α + β − 2: the evidence it rests on.</summary>
    public double Evidence => Alpha + Beta - 2;

    /// <summary>The posterior's <see cref="UpperBoundLevel"/> quantile: what <see cref="RoutingAlgorithm.Ucb"/> ranks by.</summary>
    public double UpperBound => BetaInterval.Quantile(Alpha, Beta, UpperBoundLevel);

    /// <summary>
    /// Whether the agent is still warmed up when <paramref name="bestKnownMean"/> is the highest mean among the agents
    /// that fit the step and are done warming up (null when none is): while its records are too thin to rank it by
    /// (<see cref="WarmingUp"/>), unless it has had its first signal and even its <see cref="UpperBound"/> is below that
    /// mean. An agent that could still be the best is tried until its records rank it; one whose outcomes already say it
    /// cannot is not given the rest of its warm-up (on a key with a good agent, a newcomer that fails its first step
    /// would otherwise take three more). Every agent gets its first step; with no agent done warming up, warm-up is whole.
    /// </summary>
    public bool WarmsUpAgainst(double? bestKnownMean) =>
        WarmingUp && (OwnSignals < 1 || bestKnownMean is not { } best || UpperBound >= best);

    /// <summary>Whether the agent's own record for the keys is too thin to rank it by.</summary>
    public bool WarmingUp => OwnSignals < WarmUpSignals;

    /// <summary>Whether the request carried any similar-task evidence for this agent.</summary>
    public bool HasSimilar => SimilarSucceeded + SimilarFailed > 0;

    /// <summary>The posterior of <paramref name="agent"/> for <paramref name="request"/>, with λ = <see cref="GlobalShrink"/>.</summary>
    public static SkillPosterior For(BoardAgent agent, SeatRequest request) => For(agent, request, GlobalShrink);

    /// <summary>The posterior of <paramref name="agent"/> for <paramref name="request"/>, the record shrunk by <paramref name="globalShrink"/> (λ) when the request carries similar-task evidence.</summary>
    public static SkillPosterior For(BoardAgent agent, SeatRequest request, double globalShrink) => For(agent, request, globalShrink, null);

    /// <summary>
    /// As <see cref="For(BoardAgent, SeatRequest, double)"/>, except that with a <paramref name="recordStrength"/> (m0) a
    /// request with evidence counts the record as m0 outcomes at its mean μ = (1 + S̄)/(2 + S̄ + F̄):
    /// <c>α = 1 + m0·μ + Σ s·y</c>, <c>β = 1 + m0·(1 − μ) + Σ s·(1 − y)</c>. The learning bench's alternative, not the default.
    /// </summary>
    public static SkillPosterior For(BoardAgent agent, SeatRequest request, double globalShrink, double? recordStrength)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        var estimates = BoardAgent.KeysOf(request.Capabilities).Select(agent.SkillOf).ToList();
        double successes = estimates.Average(e => e.Successes), failures = estimates.Average(e => e.Failures);
        if (request.Pattern is { } pattern)
        {
            // The pattern's record alone: it holds its similar tasks' outcomes already (the neighbours' evidence would count
            // them twice), and the capability record as a prior measured worse, since it carries a generalist's success on
            // every kind of task into each pattern, ahead of the specialist the pattern needs (docs/design/learning.md §12).
            var own = agent.SkillOf(pattern);
            return new SkillPosterior(1 + own.Successes, 1 + own.Failures, own.Signals, 0, 0);
        }

        var shrink = request.Evidence is { Count: > 0 } ? Math.Clamp(globalShrink, 0, 1) : 1;
        // Evidence from before an operator's reset is what the reset meant to forget.
        var similar = (request.Evidence ?? [])
            .Where(e => string.Equals(e.AgentId, agent.Id, StringComparison.Ordinal) && (agent.SkillResetAt is not { } reset || e.At >= reset))
            .Select(e => (Similarity: Math.Clamp(e.Similarity, 0, 1), Value: Math.Clamp(e.Value, 0, 1)))
            .ToList();
        // m0 bounds what the record is worth (a prior at its mean), where λ scales it (a share of up to ~1/η outcomes).
        var (recordSuccesses, recordFailures) = request.Evidence is { Count: > 0 } && recordStrength is { } m0
            ? (Math.Max(0, m0) * (1 + successes) / (2 + successes + failures), Math.Max(0, m0) * (1 + failures) / (2 + successes + failures))
            : (shrink * successes, shrink * failures);
        return new SkillPosterior(
            1 + recordSuccesses + similar.Sum(e => e.Similarity * e.Value),
            1 + recordFailures + similar.Sum(e => e.Similarity * (1 - e.Value)),
            estimates.Average(e => (double)e.Signals),
            similar.Count(e => e.Value >= 0.5),
            similar.Count(e => e.Value < 0.5));
    }
}
