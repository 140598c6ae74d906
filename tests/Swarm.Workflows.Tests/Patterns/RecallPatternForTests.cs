using Swarm.Domain.Agents;
using Swarm.Workflows.Patterns;

namespace Swarm.Workflows.Tests.Patterns;

/// <summary>Which steps a recognised pattern routes and teaches: only those doing the task's own work.</summary>
public sealed class RecallPatternForTests
{
    static readonly Recall Recognised = new([], [], Shard: "care", Pattern: 3);

    [Fact]
    public void A_step_needing_what_the_task_needs_is_routed_by_the_pattern()
    {
        Assert.Equal("care~3", Recognised.PatternFor(["care"], requiredType: null, onlyAgent: null));
        Assert.Equal("care~3", Recognised.PatternFor(["care"], AgentType.Worker, onlyAgent: null));
    }

    [Fact]
    public void Queens_named_agents_and_other_capabilities_are_not()
    {
        Assert.Null(Recognised.PatternFor(["care"], AgentType.Queen, onlyAgent: null));
        Assert.Null(Recognised.PatternFor(["care"], requiredType: null, onlyAgent: "gardener-1"));
        Assert.Null(Recognised.PatternFor(["tax"], requiredType: null, onlyAgent: null));
    }

    [Fact]
    public void Nothing_recognised_routes_by_the_capability_record()
    {
        Assert.Null((Recognised with { Pattern = null }).PatternFor(["care"], requiredType: null, onlyAgent: null));
        Assert.Null(Recall.Nothing.PatternFor(["care"], requiredType: null, onlyAgent: null));
    }
}
