using Swarm.Api.Endpoints.Operations;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Api.Tests;

public sealed class PresenceSummaryTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    static BoardAgent Agent(string id, string provider, params string[] holders) =>
        BoardAgent.From(new AgentProfile(id, id, AgentType.Specialist, new ProviderSettings(provider, "m"), 4)) with { Holders = holders };

    static DispatchBoard Board(params BoardAgent[] agents) =>
        new() { Agents = agents.ToDictionary(a => a.Id, StringComparer.Ordinal) };

    [Fact]
    public void An_external_agent_holding_a_step_is_listed_when_it_is_not_connected_or_its_heartbeat_is_overdue()
    {
        var board = Board(
            Agent("never-seen", ProviderSettings.ExternalType, "task-1/single"),
            Agent("gone-quiet", ProviderSettings.ExternalType, "task-2/single"),
            Agent("fine", ProviderSettings.ExternalType, "task-3/single"),
            Agent("idle-and-away", ProviderSettings.ExternalType),
            Agent("on-a-model", "simulated", "task-4/single"));
        var presences = new Dictionary<string, Presence>
        {
            ["gone-quiet"] = new Presence().Connect("c1", Now.AddMinutes(-10)).Heartbeat(Now.AddSeconds(-61), null),
            ["fine"] = new Presence().Connect("c2", Now.AddMinutes(-10)).Heartbeat(Now.AddSeconds(-5), null),
        };

        var summary = PresenceSummary.From(board, presences, Now, Interval);

        Assert.Equal(new[] { "gone-quiet", "never-seen" }, summary.SilentHolders.Select(h => h.AgentId));
        var quiet = summary.SilentHolders[0];
        Assert.True(quiet.Connected);
        Assert.True(quiet.HeartbeatOverdue);
        Assert.Equal(new[] { "task-2/single" }, quiet.Steps);
        var never = summary.SilentHolders[1];
        Assert.False(never.Connected);
        Assert.False(never.HeartbeatOverdue);
        Assert.Null(never.LastHeartbeatAt);
    }

    [Fact]
    public void Connected_counts_agents_with_an_open_connection_and_the_limits_are_shown()
    {
        var presences = new Dictionary<string, Presence>
        {
            ["a"] = new Presence().Connect("c1", Now).Connect("c2", Now),
            ["b"] = new Presence().Connect("c3", Now).Disconnect("c3", Now),
            ["c"] = new Presence().Connect("c4", Now),
        };

        var summary = PresenceSummary.From(new DispatchBoard(), presences, Now, Interval);

        Assert.Equal(2, summary.Connected);
        Assert.Equal(30, summary.HeartbeatSeconds);
        Assert.Equal(60, summary.OverdueAfterSeconds);
        Assert.Empty(summary.SilentHolders);
    }
}
