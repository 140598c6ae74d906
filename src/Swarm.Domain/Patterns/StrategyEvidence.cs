using Swarm.Domain.Tasks;

namespace Swarm.Domain.Patterns;

/// <summary>What a task's similar past tasks say about strategies: how many there were, and how each strategy went.</summary>
/// <param name="Neighbours">How many similar tasks were recalled.</param>
/// <param name="Strategies">One record per strategy that at least one of them ran.</param>
public sealed record StrategyEvidence(int Neighbours, IReadOnlyList<StrategyRecord> Strategies)
{
    /// <summary>No similar tasks.</summary>
    public static StrategyEvidence None { get; } = new(0, []);

    /// <summary>The record of <paramref name="strategy"/>, or an empty one when no neighbour ran it.</summary>
    public StrategyRecord Of(TaskStrategy strategy) => Strategies.FirstOrDefault(s => s.Strategy == strategy) ?? StrategyRecord.None(strategy);

    /// <summary>Sums the neighbours' outcomes per strategy, each weighted by its similarity.</summary>
    public static StrategyEvidence From(IReadOnlyList<SimilarTask> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        return new(neighbours.Count, [.. neighbours
            .GroupBy(n => n.Fingerprint.Strategy)
            .OrderBy(g => g.Key)
            .Select(g => new StrategyRecord(
                g.Key,
                g.Count(),
                g.Count(n => n.Fingerprint.Value >= 0.5),
                g.Sum(n => n.Similarity * n.Fingerprint.Value),
                g.Sum(n => n.Similarity),
                g.Average(n => n.Fingerprint.CostUsd)))]);
    }
}
