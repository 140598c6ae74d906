using Microsoft.Extensions.Configuration;
using Swarm.Runtime.Configuration;
using Swarm.Tests;

namespace Swarm.Runtime.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void The_repository_config_json_loads_once_the_host_supplies_storage_and_a_secret()
    {
        var root = RepositoryPaths.Root;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "config.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["JWT_SECRET"] = TestSettings.Secret, ["database:accountName"] = "swarmstore" })
            .Build();

        var settings = SwarmSettingsLoader.Load(configuration);

        Assert.Equal(50, settings.System.MaxAgents);
        Assert.Equal(TestSettings.Secret, settings.Security.Jwt.Secret);
    }

    [Theory]
    [InlineData("system:maxAgents", "0", "'system:maxAgents'")]
    [InlineData("system:maxAgents", "many", "'system:maxAgents' is 'many', which is not a whole number")]
    [InlineData("system:maxAgent", "5", "'system:maxAgent' is not a setting")]
    [InlineData("database:type", "sqlite", "'database:type' 'sqlite' is not supported")]
    [InlineData("security:jwt:secret", "short", "'security:jwt:secret' is 5 characters")]
    [InlineData("defaultAgent:type", "king", "'defaultAgent:type'")]
    [InlineData("learning:learningRate", "2", "'learning:learningRate'")]
    [InlineData("security:roles:auditor:0", "audit:delete", "'security:roles:auditor' grants 'audit:delete', which is not a permission")]
    public void A_bad_setting_stops_the_host_with_its_key_named(string key, string value, string expected)
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load((key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secret_is_named_with_the_environment_variable_that_can_supply_it()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("security:jwt:secret", null)));

        Assert.Contains("JWT_SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_secret_is_refused_in_production_and_accepted_in_development()
    {
        var sample = ("security:jwt:secret", SecuritySettings.SampleJwtSecret);

        var development = TestSettings.Load(sample);
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(sample, ("system:environment", "production")));

        Assert.Equal(SecuritySettings.SampleJwtSecret, development.Security.Jwt.Secret);
        Assert.Contains("sample secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(("system:maxAgents", "0"), ("durable:partitionCount", "99")));

        Assert.Equal(2, error.Problems.Count);
    }
}
