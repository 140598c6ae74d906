using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class ToolPatternsTests
{
    [Theory]
    [InlineData("memory_get", "memory_get", true)]
    [InlineData("memory_get", "memory_put", false)]
    [InlineData("memory_*", "memory_put", true)]
    [InlineData("memory_*", "ask", false)]
    [InlineData("mcp__files__*", "mcp__files__read_file", true)]
    [InlineData("mcp__files__*", "mcp__web__fetch", false)]
    [InlineData("*", "anything", true)]
    public void A_pattern_names_a_tool_exactly_or_by_prefix(string pattern, string tool, bool allowed)
    {
        Assert.Equal(allowed, ToolPatterns.Allows([pattern], tool));
    }

    [Fact]
    public void An_agent_without_patterns_may_use_no_tool()
    {
        Assert.False(ToolPatterns.Allows(null, "memory_get"));
        Assert.False(ToolPatterns.Allows([], "memory_get"));
    }

    [Theory]
    [InlineData("memory_get", true)]
    [InlineData("mcp__files__*", true)]
    [InlineData("*", true)]
    [InlineData("mem*ory", false)]
    [InlineData("memory.get", false)]
    [InlineData("", false)]
    public void Patterns_have_the_shape_of_tool_names(string pattern, bool valid)
    {
        Assert.Equal(valid, ToolPatterns.IsPattern(pattern));
    }

    [Fact]
    public void Each_agent_type_has_its_own_default_instructions_and_configured_ones_replace_them()
    {
        var worker = new AgentProfile("w1", "W", AgentType.Worker, new ProviderSettings("simulated", "m"), 1);

        Assert.Equal(AgentInstructions.Worker, AgentInstructions.For(worker));
        Assert.Equal(AgentInstructions.Queen, AgentInstructions.For(worker with { Type = AgentType.Queen }));
        Assert.Equal(AgentInstructions.Specialist, AgentInstructions.For(worker with { Type = AgentType.Specialist }));
        Assert.Equal("Edit for clarity.", AgentInstructions.For(worker with { Instructions = "Edit for clarity." }));
    }
}
