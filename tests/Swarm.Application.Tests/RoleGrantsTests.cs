using Swarm.Application.Security;
using Swarm.Tests;

namespace Swarm.Application.Tests;

public sealed class RoleGrantsTests
{
    [Fact]
    public void The_default_roles_grant_what_the_spec_describes()
    {
        var grants = new RoleGrants(TestSettings.Load());

        Assert.Equal(Permissions.All.Count, grants.For(["admin"]).Count);
        Assert.DoesNotContain(Permissions.AuditRead, grants.For(["operator"]));
        Assert.Contains(Permissions.ConsensusVote, grants.For(["agent"]));
        Assert.DoesNotContain(Permissions.TasksSubmit, grants.For(["viewer"]));
        Assert.Empty(grants.For(["no-such-role"]));
    }

    [Fact]
    public void Configuration_can_add_a_role_and_redefine_one()
    {
        var grants = new RoleGrants(TestSettings.Load(
            ("security:roles:auditor:0", Permissions.AuditRead),
            ("security:roles:viewer:0", Permissions.TasksRead)));

        Assert.Equal([Permissions.AuditRead], grants.For(["auditor"]));
        Assert.Equal([Permissions.TasksRead], grants.For(["viewer"]));
    }

    [Fact]
    public void An_agent_principal_acts_only_for_itself_and_a_person_for_any_agent()
    {
        var agent = new SwarmPrincipal("agent:a1", ["agent"], new HashSet<string>(), CredentialKind.ApiKey, "a1", "k1");
        var person = new SwarmPrincipal("alice", ["operator"], new HashSet<string>());

        Assert.True(agent.CanActFor("a1"));
        Assert.False(agent.CanActFor("a2"));
        Assert.True(person.CanActFor("a2"));
    }
}
