using Swarm.Providers.Configuration;

namespace Swarm.Providers.Tests;

public sealed class ProvidersSettingsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(ProvidersSettingsValidator.Validate(new ProvidersSettings()));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 64)]
    public void Simulated_tool_settings_at_the_ends_of_their_range_are_valid(int rounds, int callsPerRound)
    {
        var settings = new ProvidersSettings { Simulated = { ToolRounds = rounds, ToolCallsPerRound = callsPerRound } };
        settings.Simulated.Profiles["tools"] = new SimulatedProfile { ToolRounds = rounds, ToolCallsPerRound = callsPerRound };

        Assert.Empty(ProvidersSettingsValidator.Validate(settings));
    }

    [Theory]
    [InlineData(-1, 1, "'providers:simulated:toolRounds' must be between 0 and 100.")]
    [InlineData(101, 1, "'providers:simulated:toolRounds' must be between 0 and 100.")]
    [InlineData(1, 0, "'providers:simulated:toolCallsPerRound' must be between 1 and 64.")]
    [InlineData(1, 65, "'providers:simulated:toolCallsPerRound' must be between 1 and 64.")]
    public void Simulated_tool_settings_out_of_range_are_refused_by_name(int rounds, int callsPerRound, string expected)
    {
        var settings = new ProvidersSettings { Simulated = { ToolRounds = rounds, ToolCallsPerRound = callsPerRound } };

        Assert.Equal([expected], ProvidersSettingsValidator.Validate(settings));
    }

    [Theory]
    [InlineData(-1, 1, "'providers:simulated:profiles:busy:toolRounds' must be between 0 and 100.")]
    [InlineData(1, 0, "'providers:simulated:profiles:busy:toolCallsPerRound' must be between 1 and 64.")]
    public void A_profile_s_tool_settings_out_of_range_are_refused_by_name(int rounds, int callsPerRound, string expected)
    {
        var settings = new ProvidersSettings();
        settings.Simulated.Profiles["busy"] = new SimulatedProfile { ToolRounds = rounds, ToolCallsPerRound = callsPerRound };

        Assert.Equal([expected], ProvidersSettingsValidator.Validate(settings));
    }
}
