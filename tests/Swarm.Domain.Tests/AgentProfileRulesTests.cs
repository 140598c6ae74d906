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
}
