using System.Diagnostics;
using Swarm.Benchmarks.Api;

namespace Swarm.Benchmarks.Load;

/// <summary>Creates simulated worker agents through <c>POST /api/v1/agents</c> from concurrent clients.</summary>
sealed class AgentBatch(SwarmApi api, int clients)
{
    public async Task<AgentBatchResult> CreateAsync(int count, int firstNumber, int maxConcurrency, CancellationToken cancellationToken)
    {
        var creations = new AgentCreation?[count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = cancellationToken },
            async (i, token) => creations[i] = await api.CreateAgentAsync($"w{firstNumber + i}", maxConcurrency, token));
        return new AgentBatchResult([.. creations.OfType<AgentCreation>()], clock.Elapsed);
    }
}
