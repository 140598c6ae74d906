using Swarm.Domain.Distribution;

namespace Swarm.LocalHost.Tests;

/// <summary>Reads an agent as the dispatch board (the one owner of its seats and statistics) stores it, straight from the durable backend's storage.</summary>
static class BoardAgents
{
    /// <summary>
    /// Reads until the agent on the board meets <paramref name="expected"/> (see <see cref="Entities.WaitForAsync"/>): releases
    /// arrive by signal, after the task ends. With <paramref name="shards"/> above one, from the shard the agent lives on.
    /// </summary>
    /// <param name="patience">How long to read; 30 s when null.</param>
    public static async Task<BoardAgent?> WaitForAsync(LocalHostProcess host, string agentId, Func<BoardAgent, bool> expected, int shards = 1, TimeSpan? patience = null)
    {
        var key = Swarm.Workflows.Distribution.DispatchShards.Of(shards).ForAgent(agentId).Key;
        var board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", key, b => b?.Agents.GetValueOrDefault(agentId) is { } agent && expected(agent), patience);
        return board?.Agents.GetValueOrDefault(agentId);
    }

    /// <summary>
    /// Waits until the agent is on the board (its registration is a signal sent after it was created) and fails the test
    /// if it is not within a minute and a half: a step asked for before then cannot go to it.
    /// </summary>
    public static async Task<BoardAgent> OnBoardAsync(LocalHostProcess host, string agentId, int shards = 1)
    {
        var key = Swarm.Workflows.Distribution.DispatchShards.Of(shards).ForAgent(agentId).Key;
        var board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", key, b => b?.Agents.ContainsKey(agentId) == true, TimeSpan.FromSeconds(90));
        return board?.Agents.GetValueOrDefault(agentId)
            ?? throw new Xunit.Sdk.XunitException($"{agentId} is not on the board ({key}) after 90 s: [{string.Join(", ", board?.Agents.Keys ?? [])}]; host log:{Environment.NewLine}{host.Output}");
    }
}
