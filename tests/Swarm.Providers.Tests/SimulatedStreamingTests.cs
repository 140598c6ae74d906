using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Providers.Accounting;
using Swarm.Providers.Simulated;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

/// <summary>The simulated provider streamed through the whole provider stack: labelled pieces that join up to the answer it gives unstreamed.</summary>
public sealed class SimulatedStreamingTests
{
    static ProviderCatalog Catalog() => new(new Configuration.ProvidersSettings(), TimeProvider.System, new ProviderMetrics());

    [Fact]
    public async Task A_streamed_answer_comes_in_pieces_of_a_few_words_and_joins_up_to_the_unstreamed_one()
    {
        using var catalog = Catalog();
        var client = catalog.GetClient(new ProviderSettings("simulated", "sim-stream"));
        const string Prompt = "Describe in a sentence how bees find their way home";

        var whole = await client.GetResponseAsync(Prompt);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompt))
        {
            updates.Add(update);
        }

        var pieces = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        var streamed = updates.ToChatResponse();
        Assert.True(pieces.Count > 3, $"{pieces.Count} pieces");
        Assert.StartsWith(SimulatedChatClient.Label, pieces[0], StringComparison.Ordinal);
        Assert.All(pieces.SkipLast(1), p => Assert.Equal(SimulatedChunks.WordsPerChunk, p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(whole.Text, string.Concat(pieces));
        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(whole.Usage?.InputTokenCount, streamed.Usage?.InputTokenCount);
        Assert.Equal(whole.Usage?.OutputTokenCount, streamed.Usage?.OutputTokenCount);
        Assert.Equal(whole.ModelId, streamed.ModelId);
        Assert.True(ModelCallReceipt.Of(streamed)?.Simulated);
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("one", new[] { "one" })]
    [InlineData("  lead and five words here", new[] { "  lead and five ", "words here" })]
    public void Pieces_keep_every_character(string text, string[] expected)
    {
        Assert.Equal(expected, SimulatedChunks.Pieces(text));
    }
}
