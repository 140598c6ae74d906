using Swarm.Api.Endpoints.Tasks;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Tests;

public sealed class TaskShapeTests
{
    static readonly TaskLimits Limits = new();

    static IEnumerable<string> FieldsOf(TaskRequest request) => request.Validate(Limits).Select(e => e.Field);

    [Theory]
    [InlineData(TaskStrategy.Auto, 1, 0, 0, TaskStrategy.Single)]
    [InlineData(TaskStrategy.Auto, 1, 0, 1, TaskStrategy.Single)]
    [InlineData(TaskStrategy.Auto, 3, 0, 0, TaskStrategy.Parallel)]
    [InlineData(TaskStrategy.Auto, 1, 3, 0, TaskStrategy.Pipeline)]
    [InlineData(TaskStrategy.Auto, 3, 3, 2, TaskStrategy.Pipeline)]
    [InlineData(TaskStrategy.Auto, 1, 0, 2, TaskStrategy.Hierarchical)]
    [InlineData(TaskStrategy.Single, 1, 0, 3, TaskStrategy.Single)]
    public void Auto_picks_the_strategy_from_the_task_shape_and_an_explicit_one_is_kept(TaskStrategy requested, int agents, int stages, int capabilities, TaskStrategy expected)
    {
        var choice = StrategyChoice.For(requested, agents, stages, capabilities);

        Assert.Equal(expected, choice.Strategy);
        Assert.StartsWith(requested == TaskStrategy.Auto ? "auto: " : "requested", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_task_of_each_strategy_is_valid()
    {
        TaskStage[] stages = [new("writer", "Write.", ["writing"]), new("editor", "Edit.")];

        Assert.Empty(FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Single, Capabilities: ["analysis"])));
        Assert.Empty(FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Parallel, Agents: 3, Merge: true)));
        Assert.Empty(FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Pipeline, Stages: stages)));
        Assert.Empty(FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Hierarchical, Capabilities: ["a", "b"], TimeoutSeconds: 60, RequiresApproval: true)));
        Assert.Empty(FieldsOf(new TaskRequest("x", Stages: stages)));
    }

    [Fact]
    public void A_consensus_task_needs_at_least_two_agents()
    {
        Assert.Empty(FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Consensus)));
        Assert.Empty(FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Consensus, Agents: 5)));
        Assert.Equal(["agents"], FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Consensus, Agents: 1)));
    }

    [Fact]
    public void Shapes_that_do_not_fit_their_strategy_name_the_field()
    {
        Assert.Equal(["agents"], FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Parallel, Agents: 1)));
        Assert.Equal(["agents"], FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Single, Agents: 3)));
        Assert.Equal(["agents"], FieldsOf(new TaskRequest("x", Agents: TaskRequest.MaxAgents + 1)));
        Assert.Equal(["stages"], FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Pipeline, Stages: [new("only", "One stage.")])));
        Assert.Equal(["stages"], FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Single, Stages: [new("a", "A."), new("b", "B.")])));
        Assert.Equal(["stages[1].instruction"], FieldsOf(new TaskRequest("x", Stages: [new("a", "A."), new("b", " ")])));
        Assert.Equal(["merge"], FieldsOf(new TaskRequest("x", Strategy: TaskStrategy.Pipeline, Stages: [new("a", "A."), new("b", "B.")], Merge: true)));
        Assert.Equal(["capabilities[0]"], FieldsOf(new TaskRequest("x", Capabilities: [""])));
        Assert.Equal(["timeoutSeconds"], FieldsOf(new TaskRequest("x", TimeoutSeconds: 0)));
    }

    [Fact]
    public void An_idempotency_key_names_the_same_task_for_the_same_caller_only()
    {
        var first = TaskId.ForIdempotencyKey("alice", "order-42");

        Assert.True(TaskId.IsWellFormed(first));
        Assert.Equal(first, TaskId.ForIdempotencyKey("alice", "order-42"));
        Assert.NotEqual(first, TaskId.ForIdempotencyKey("bob", "order-42"));
        Assert.NotEqual(first, TaskId.ForIdempotencyKey("alice", "order-43"));
    }
}
