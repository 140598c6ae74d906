namespace Swarm.Domain.Learning;

/// <summary>
/// How the dispatch board learns and routes: the <c>learning</c> settings, told to the board at startup and on every
/// learning pass so one owner holds them and a step served from the line uses the current ones.
/// </summary>
/// <param name="Algorithm">How the skill estimate ranks agents.</param>
/// <param name="LearningRate">η in (0, 1]: the step size once an agent is known, and the bound on evidence (about 1/η).</param>
/// <param name="ExplorationRate">ε in [0, 1]: how often <see cref="RoutingAlgorithm.EpsilonGreedy"/> and <see cref="RoutingAlgorithm.Hybrid"/> explore.</param>
/// <param name="Enabled">False: routing ignores skill and the board ignores signals.</param>
public sealed record LearningPolicy(RoutingAlgorithm Algorithm, double LearningRate, double ExplorationRate, bool Enabled)
{
    /// <summary>What a board that was never configured does: hybrid, η 0.01, ε 0.1, on (the settings' defaults).</summary>
    public static LearningPolicy Default { get; } = new(RoutingAlgorithm.Hybrid, 0.01, 0.1, true);

    /// <summary>
    /// λ: how much an agent's capability record counts beside a request's similar-task evidence, when the request
    /// carries any (<see cref="SkillPosterior"/>). Not a setting: the default is the measured choice, and the learning
    /// bench sweeps it (a board stored without it reads back with the default).
    /// </summary>
    public double GlobalShrink { get; init; } = SkillPosterior.GlobalShrink;

    /// <summary>
    /// m0, when set: a request with similar-task evidence counts the agent's record as m0 outcomes at its mean instead of
    /// λ times its counts (<see cref="SkillPosterior.For(Distribution.BoardAgent, Distribution.SeatRequest, double, double?)"/>).
    /// Null (the default) keeps λ. Not a setting: the learning bench measures it, and it did not reach issue 15's goal.
    /// </summary>
    public double? RecordStrength { get; init; }

    /// <summary>The settings' spelling of each algorithm, as <c>learning:algorithm</c> accepts it.</summary>
    public static IReadOnlyDictionary<string, RoutingAlgorithm> Names { get; } = new Dictionary<string, RoutingAlgorithm>(StringComparer.OrdinalIgnoreCase)
    {
        ["greedy"] = RoutingAlgorithm.Greedy,
        ["epsilon-greedy"] = RoutingAlgorithm.EpsilonGreedy,
        ["thompson"] = RoutingAlgorithm.Thompson,
        ["hybrid"] = RoutingAlgorithm.Hybrid,
        ["ucb"] = RoutingAlgorithm.Ucb,
    };

    /// <summary>The settings' name of <see cref="Algorithm"/>.</summary>
    public string AlgorithmName => NameOf(Algorithm);

    /// <summary>The settings' name of an algorithm.</summary>
    public static string NameOf(RoutingAlgorithm algorithm) => Names.First(n => n.Value == algorithm).Key;
}
