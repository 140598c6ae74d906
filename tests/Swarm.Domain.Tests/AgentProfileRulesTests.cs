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
    public void Permissions_other_than_the_specs_task_star_are_refused_until_they_are_enforced(string permission)
    {
        var profile = Valid() with { Role = Valid().Role! with { Permissions = ["task:*", permission] } };

        var error = Assert.Single(AgentProfileRules.Validate(profile));

        Assert.Equal("role.permissions", error.Field);
        Assert.Contains("not enforced", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{permission}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_permissions_are_valid()
    {
        Assert.Empty(AgentProfileRules.Validate(Valid() with { Role = Valid().Role! with { Permissions = [] } }));
    }
}
