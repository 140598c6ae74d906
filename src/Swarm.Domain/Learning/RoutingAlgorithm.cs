namespace Swarm.Domain.Learning;

/// <summary>
/// How routing turns an agent's skill estimate into the value it ranks by (<c>learning:algorithm</c>; docs/design/learning.md
/// §2.2). All of them give an agent with a thin record an optimistic value (warm-up) and never filter on skill.
/// </summary>
public enum RoutingAlgorithm
{
    /// <summary>The posterior mean: no randomness, for operators who want none.</summary>
    Greedy = 0,

    /// <summary>With probability ε a uniform pick from the request's exploration tier, else the mean.</summary>
    EpsilonGreedy = 1,

    /// <summary>A draw from each candidate's Beta posterior (Thompson sampling).</summary>
    Thompson = 2,

    /// <summary>
    /// The default: <see cref="Ucb"/>'s upper bound (over the record joined with similar-task evidence) with an ε floor of
    /// uniform exploration, so optimism retries the uncertain and the floor guarantees every agent of the tier work.
    /// Until 2026-12-07 it was Thompson sampling with that floor; the learning bench found the bound 4 points closer to
    /// the best agent with pattern keys and with the category known (BENCHMARKS.md, "Does routing learn?").
    /// </summary>
    Hybrid = 3,

    /// <summary>
    /// Bayes-UCB: the posterior's one-sided 90 % upper bound (<see cref="SkillPosterior.UpperBoundLevel"/>). Deterministic
    /// like greedy, but an agent with a thin record keeps a high bound and is tried again while it could still be the
    /// best, so one unlucky warm-up does not lock it out.
    /// </summary>
    Ucb = 4,
}
