using Swarm.Api.Endpoints.Operations;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Api.Tests;

public sealed class DispatchStatusTests
{
    static BoardAgent Agent(string id, params string[] holders) =>
        BoardAgent.From(new AgentProfile(id, id, AgentType.Worker, new ProviderSettings("simulated", "m"), 2)) with { Holders = holders };

    static DispatchBoard Board(params BoardAgent[] agents) =>
        new() { Agents = agents.ToDictionary(a => a.Id, StringComparer.Ordinal) };

    [Fact]
    public void Each_shard_shows_its_load_and_an_agent_on_a_shard_its_placement_does_not_name_is_misplaced()
    {
        // worker-2 and worker-4 belong on shard 0 of 3, worker-1 on shard 1 (ShardPlacement, pinned in the domain tests).
        var status = DispatchStatus.Of([Board(Agent("worker-2", "t1/s1"), Agent("worker-1")), Board(), Board(Agent("worker-4"))]);

        Assert.Equal(3, status.Shards);
        Assert.Equal([new ShardLoad(0, 0, 1, 4, 2), new ShardLoad(1, 0, 0, 0, 0), new ShardLoad(2, 0, 0, 2, 1)], status.Load);
        Assert.Equal(["worker-1", "worker-4"], status.Misplaced);
    }
}
