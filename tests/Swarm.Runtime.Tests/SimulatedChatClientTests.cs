using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Runtime.Providers;
using Swarm.Tests;
using Swarm.Workflows.Agents;

namespace Swarm.Runtime.Tests;

public sealed class SimulatedChatClientTests
{
    [Fact]
    public async Task The_same_prompt_gets_the_same_labelled_answer_and_different_prompts_differ()
    {
        using var client = new SimulatedChatClient(TimeSpan.Zero, TimeProvider.System);

        var first = await client.GetResponseAsync("Summarise the report");
        var again = await client.GetResponseAsync("Summarise the report");
        var other = await client.GetResponseAsync("Summarise the memo");

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.StartsWith(SimulatedChatClient.Label, first.Text, StringComparison.Ordinal);
        Assert.Equal(true, first.AdditionalProperties?["simulated"]);
        Assert.Equal(3, first.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task The_configured_latency_is_waited()
    {
        using var client = new SimulatedChatClient(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await client.GetResponseAsync("x");

        Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("openai", "not available in this build yet")]
    [InlineData("gpt-magic", "Unknown provider type 'gpt-magic'")]
    public void A_provider_this_build_cannot_call_is_refused_by_name(string type, string message)
    {
        using var provider = new ChatClientProvider(TestSettings.Load(), TimeProvider.System);

        var error = Assert.Throws<ProviderNotConfiguredException>(() => provider.GetClient(new ProviderSettings(type, "m")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
