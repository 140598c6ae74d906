namespace Swarm.Domain.Learning;

/// <summary>
/// The skill value one candidate ranks by for one request, and how it was chosen, for the seat's reason and the
/// routing counts.
/// </summary>
/// <param name="Value">v in [0, 1], weighted 0.35 in the composite score.</param>
/// <param name="Kind"><c>exploit</c> (the mean), <c>sample</c> (a Beta draw), <c>explore</c> (the ε pick), <c>warm-up</c> (a thin record: 1) or <c>off</c> (learning off: one half).</param>
/// <param name="Reason">How a person reads it, e.g. <c>hybrid sample 0.81 (mean 0.77, n 23; similar 4✓ 0✗)</c>.</param>
public sealed record SkillChoice(double Value, string Kind, string Reason)
{
    /// <summary>The posterior mean (greedy, and epsilon-greedy when it does not explore).</summary>
    public const string Exploit = "exploit";

    /// <summary>A draw from the posterior (thompson, and hybrid when it does not explore).</summary>
    public const string Sample = "sample";

    /// <summary>The uniform pick from the exploration tier, with probability ε.</summary>
    public const string Explore = "explore";

    /// <summary>An agent whose own record is thin ranks with 1.</summary>
    public const string WarmUp = "warm-up";

    /// <summary>Learning is off: one half for everyone.</summary>
    public const string Off = "off";
}
