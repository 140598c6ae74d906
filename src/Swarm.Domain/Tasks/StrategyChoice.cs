using Swarm.Domain.Patterns;

namespace Swarm.Domain.Tasks;

/// <summary>The strategy a task runs with and why, as recorded in its timeline.</summary>
/// <param name="FromEvidence">Whether similar past tasks changed <see cref="TaskStrategy.Auto"/>'s choice from the shape's default.</param>
public sealed record StrategyChoice(TaskStrategy Strategy, string Reason, bool FromEvidence = false)
{
    /// <summary>Similar tasks a strategy needs behind it before it may replace the shape's default.</summary>
    public const int MinimumTasksToSwitch = 3;

    /// <summary>How much better than the default's a strategy's score must be to replace it: evidence must be clear, not a coin toss.</summary>
    public const double MarginToSwitch = 0.10;

    /// <summary>Scores this close count as equal, and the cheaper strategy is chosen.</summary>
    public const double CostTieMargin = 0.05;

    /// <summary>
    /// Resolves <see cref="TaskStrategy.Auto"/> from the task's shape: stages make a pipeline; more than one agent makes
    /// a parallel task; several capabilities that no single step should carry alone make a hierarchical task (a queen
    /// splits it); anything else runs on one agent. An explicit strategy is kept, with that as its reason.
    /// <para>
    /// With <paramref name="evidence"/> from similar past tasks, auto may pick another strategy the shape allows (many
    /// agents: parallel or consensus; one: single or hierarchical; stages: pipeline only): one that at least
    /// <see cref="MinimumTasksToSwitch"/> similar tasks ran and whose score (<see cref="StrategyRecord.Score"/>) beats
    /// the default's by <see cref="MarginToSwitch"/>. The reason says what the evidence was either way.
    /// </para>
    /// </summary>
    public static StrategyChoice For(TaskStrategy requested, int agents, int stages, int capabilities, StrategyEvidence? evidence = null)
    {
        var byShape = ByShape(requested, agents, stages, capabilities);
        if (requested != TaskStrategy.Auto || stages > 0 || evidence is not { Neighbours: > 0 })
        {
            return byShape;
        }

        TaskStrategy[] allowed = agents > 1 ? [TaskStrategy.Parallel, TaskStrategy.Consensus] : [TaskStrategy.Single, TaskStrategy.Hierarchical];
        var usual = evidence.Of(byShape.Strategy);
        var better = allowed
            .Where(s => s != byShape.Strategy)
            .Select(evidence.Of)
            .Where(r => r.Tasks >= MinimumTasksToSwitch && r.Score >= usual.Score + MarginToSwitch)
            .ToList();
        if (better.Count > 0)
        {
            var best = better.Max(r => r.Score);
            var chosen = better.Where(r => r.Score >= best - CostTieMargin).OrderBy(r => r.MeanCostUsd).ThenBy(r => r.Strategy).First();
            return new(chosen.Strategy,
                $"auto: {chosen.Tasks} similar tasks, {chosen.WentWell} succeeded with it; the shape's default {Name(usual.Strategy)}: {usual.WentWell} of {usual.Tasks}",
                FromEvidence: true);
        }

        var known = allowed.Select(evidence.Of).Where(r => r.Tasks > 0).ToList();
        var said = evidence.Neighbours < MinimumTasksToSwitch ? "too few to change it"
            : known.Count == 0 ? "none ran a strategy this shape allows"
            : string.Join(", ", known.Select(r => $"{Name(r.Strategy)} {r.WentWell} of {r.Tasks}"));
        return byShape with { Reason = $"{byShape.Reason}; similar tasks: {evidence.Neighbours}, {said}" };
    }

    static StrategyChoice ByShape(TaskStrategy requested, int agents, int stages, int capabilities) => requested switch
    {
        not TaskStrategy.Auto => new(requested, "requested"),
        _ when stages > 0 => new(TaskStrategy.Pipeline, $"auto: the task names {stages} stages"),
        _ when agents > 1 => new(TaskStrategy.Parallel, $"auto: the task asks for {agents} agents"),
        _ when capabilities > 1 => new(TaskStrategy.Hierarchical, $"auto: the task needs {capabilities} capabilities, so a queen splits it"),
        _ => new(TaskStrategy.Single, "auto: one prompt, at most one capability"),
    };

    static string Name(TaskStrategy strategy) => strategy.ToString().ToLowerInvariant();
}
