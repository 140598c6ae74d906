using Swarm.Api.Endpoints.Consensus;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Application.Realtime;
using Swarm.Application.Security;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Tests;

/// <summary>The rules of who reads what that need no host: naming readers, a proposal's task, the channel's groups, the default roles.</summary>
public sealed class VisibilityRulesTests
{
    static readonly RoleGrants Roles = new(new Swarm.Application.Configuration.SwarmSettings());

    [Fact]
    public void A_proposal_made_by_a_task_belongs_to_that_task_and_one_made_by_a_person_to_nobody_else()
    {
        var taskId = TaskId.New();

        Assert.Equal(taskId, ProposalAccess.TaskOf(taskId));
        Assert.Equal(taskId, ProposalAccess.TaskOf($"agent:coder-1 in {taskId}"));
        Assert.Null(ProposalAccess.TaskOf("alice"));
        Assert.Null(ProposalAccess.TaskOf("alice in wonderland"));
        Assert.Null(ProposalAccess.TaskOf(null));
    }

    [Fact]
    public void Readers_are_subjects_or_known_roles_each_problem_naming_its_entry()
    {
        var errors = ShareTargets.Validate("sharedWith", ["alice", "role:viewer", "role:wizard", "", "bad\u0001name"], Roles, required: false);

        Assert.Equal(["sharedWith[2]", "sharedWith[3]", "sharedWith[4]"], errors.Select(e => e.Field));
        Assert.Empty(ShareTargets.Validate("sharedWith", null, Roles, required: false));
        Assert.Equal("with", Assert.Single(ShareTargets.Validate("with", [], Roles, required: true)).Field);
        Assert.Equal("with", Assert.Single(ShareTargets.Validate("with", [.. Enumerable.Range(0, ShareTargets.MaxReaders + 1).Select(i => $"p{i}")], Roles, required: true)).Field);
    }

    [Fact]
    public void Only_operators_and_admins_read_everyones_work_by_default()
    {
        foreach (var role in new[] { "admin", "operator" })
        {
            Assert.Contains(Permissions.TasksReadAny, Roles.For([role]));
            Assert.Contains(Permissions.ConsensusReadAny, Roles.For([role]));
        }

        foreach (var role in new[] { "member", "viewer", "agent" })
        {
            Assert.DoesNotContain(Permissions.TasksReadAny, Roles.For([role]));
            Assert.DoesNotContain(Permissions.ConsensusReadAny, Roles.For([role]));
        }

        Assert.Contains(Permissions.TasksSubmit, Roles.For(["member"]));
    }

    [Fact]
    public void Joining_any_group_directly_and_the_operators_group_need_reading_everyones_work()
    {
        SwarmPrincipal As(string role) => new("someone", [role], Roles.For([role]));

        Assert.True(GroupReadPermissions.ReadsEveryGroup(As("operator")));
        Assert.True(GroupReadPermissions.ReadsEveryGroup(As("admin")));
        Assert.False(GroupReadPermissions.ReadsEveryGroup(As("viewer")));
        Assert.False(GroupReadPermissions.Admits(As("viewer"), Workflows.Realtime.RealtimeGroupKind.Operators, "", []));
        Assert.True(GroupReadPermissions.Admits(As("viewer"), Workflows.Realtime.RealtimeGroupKind.Task, "task-x", []));
    }
}
