using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class AgentProfileRulesTests
{
    static AgentProfile Valid() => new(
        "worker-1", "Worker 1", AgentType.Worker, new ProviderSettings("qwen", "qwen-max", 4000, 0.7), 5,
        new AgentRole("operational", ["task:*"], ["data-processing", "analysis"], 5), AutoScale: true);

    [Fact]
    public void The_specs_example_configuration_is_valid()
    {
        Assert.Empty(AgentProfileRules.Validate(Valid()));
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var profile = Valid() with
        {
            Id = "no spaces",
            Name = "",
            MaxConcurrency = 0,
            Provider = new ProviderSettings("gpt", "", 0, 2.5),
            Role = new AgentRole("", [], ["Not-Lowercase"], 11),
        };

        var fields = AgentProfileRules.Validate(profile).Select(e => e.Field).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { "id", "maxConcurrency", "name", "provider.maxTokens", "provider.model", "provider.temperature", "provider.type", "role.expertise", "role.priority", "role.type" },
            fields);
    }

    [Theory]
    [InlineData("agents:write")]
    [InlineData("task:read")]
    [InlineData("memory")]
    public void Permissions_other_than_task_star_and_memory_grants_are_refused(string permission)
    {
        var profile = Valid() with { Role = Valid().Role! with { Permissions = ["task:*", permission] } };

        var error = Assert.Single(AgentProfileRules.Validate(profile));

        Assert.Equal("role.permissions", error.Field);
        Assert.Contains("not a permission an agent can be granted", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{permission}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memory:research")]
    [InlineData("memory:research:read")]
    [InlineData("memory:team-*")]
    public void Team_memory_grants_are_valid_permissions(string permission)
    {
        Assert.Empty(AgentProfileRules.Validate(Valid() with { Role = Valid().Role! with { Permissions = [permission] } }));
    }

    [Theory]
    [InlineData("memory:")]
    [InlineData("memory:a b")]
    [InlineData("memory:x:write")]
    public void Malformed_memory_grants_are_refused_naming_the_shape(string permission)
    {
        var error = Assert.Single(AgentProfileRules.Validate(Valid() with { Role = Valid().Role! with { Permissions = [permission] } }));

        Assert.Equal("role.permissions", error.Field);
        Assert.Contains("memory:{namespace}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tools_instructions_and_loop_limits_are_checked_field_by_field()
    {
        var profile = Valid() with { Instructions = new string('x', AgentInstructions.MaxLength + 1), Tools = ["memory_*", "bad.name", "*"], MaxTurns = 0, MaxToolCalls = 201 };

        var fields = AgentProfileRules.Validate(profile).Select(e => e.Field).Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "instructions", "maxToolCalls", "maxTurns", "tools" }, fields);
    }

    [Fact]
    public void An_external_agent_cannot_be_given_tools()
    {
        var profile = Valid() with { Provider = new ProviderSettings(ProviderSettings.ExternalType, "person"), Tools = ["memory_get"] };

        var error = Assert.Single(AgentProfileRules.Validate(profile));

        Assert.Equal("tools", error.Field);
    }

    [Fact]
    public void No_permissions_are_valid()
    {
        Assert.Empty(AgentProfileRules.Validate(Valid() with { Role = Valid().Role! with { Permissions = [] } }));
    }
}
