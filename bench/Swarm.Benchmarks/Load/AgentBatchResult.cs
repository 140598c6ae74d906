using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Load;

/// <summary>What an <see cref="AgentBatch"/> measured.</summary>
sealed record AgentBatchResult(IReadOnlyList<AgentCreation> Creations, TimeSpan Elapsed)
{
    public int Created => Creations.Count(c => c.Created);

    public IEnumerable<AgentCreation> Refused => Creations.Where(c => !c.Created);

    public double PerSecond => Elapsed > TimeSpan.Zero ? Created / Elapsed.TotalSeconds : 0;

    public LatencySummary? Latency => LatencySummary.Of(Creations.Where(c => c.Created).Select(c => c.Latency));
}
