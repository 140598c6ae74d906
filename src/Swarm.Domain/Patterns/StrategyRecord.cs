using Swarm.Domain.Tasks;

namespace Swarm.Domain.Patterns;

/// <summary>How one strategy went for a task's similar past tasks.</summary>
/// <param name="Tasks">How many similar tasks ran it.</param>
/// <param name="WentWell">How many of them went well (value ≥ one half: completed, or rated 3 or more).</param>
/// <param name="WeightedValue">Σ similarity × value over them.</param>
/// <param name="WeightedTasks">Σ similarity over them.</param>
/// <param name="MeanCostUsd">Their mean cost.</param>
public sealed record StrategyRecord(TaskStrategy Strategy, int Tasks, int WentWell, double WeightedValue, double WeightedTasks, decimal MeanCostUsd)
{
    /// <summary>
    /// <c>(Σ s·y + 1) / (Σ s + 2)</c>: the similarity-weighted success rate with one imagined success and one failure,
    /// so two lucky neighbours do not read as certainty. A strategy no neighbour ran scores one half.
    /// </summary>
    public double Score => (WeightedValue + 1) / (WeightedTasks + 2);

    /// <summary>The record of a strategy no neighbour ran.</summary>
    public static StrategyRecord None(TaskStrategy strategy) => new(strategy, 0, 0, 0, 0, 0);
}
