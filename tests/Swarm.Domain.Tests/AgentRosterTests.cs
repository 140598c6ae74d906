using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class AgentRosterTests
{
    [Fact]
    public void Agents_join_until_the_limit_and_not_after()
    {
        var roster = new AgentRoster();

        (roster, var first) = roster.Join("a", maxAgents: 2);
        (roster, var second) = roster.Join("b", maxAgents: 2);
        (roster, var third) = roster.Join("c", maxAgents: 2);

        Assert.Equal([RosterJoin.Joined, RosterJoin.Joined, RosterJoin.Full], [first, second, third]);
        Assert.Equal(["a", "b"], roster.Members);
    }

    [Fact]
    public void Joining_twice_is_reported_and_takes_no_second_place()
    {
        var (roster, _) = new AgentRoster().Join("a", 5);

        var (after, again) = roster.Join("a", 5);

        Assert.Equal(RosterJoin.AlreadyMember, again);
        Assert.Single(after.Members);
    }

    [Fact]
    public void Leaving_frees_a_place()
    {
        var (roster, _) = new AgentRoster().Join("a", 1);

        var (after, result) = roster.Leave("a").Join("b", 1);

        Assert.Equal(RosterJoin.Joined, result);
        Assert.Equal(["b"], after.Members);
    }
}
