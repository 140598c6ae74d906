using Microsoft.DurableTask;
using Swarm.Domain.Learning;

namespace Swarm.Workflows.Models;

/// <summary>
/// Embeds one text with the configured embedding model and returns it quantized; null when embeddings are off. A model
/// call is I/O, so it runs as an activity and its result is kept in the caller's history (a replay reuses the vector).
/// </summary>
public sealed class EmbedTextActivity(IEmbeddingSource source) : TaskActivity<TextToEmbed, QuantizedEmbedding?>
{
    /// <summary>
    /// The longest text sent: about 2,000 tokens of English, under every embedding model's input limit we know of
    /// (8,191 for OpenAI's, 2,048 for nomic-embed-text), so a long text is cut rather than refused by the vendor. The
    /// opening of a text says what it is about well enough to find it by.
    /// </summary>
    public const int MaxCharacters = 8_000;

    public override Task<QuantizedEmbedding?> RunAsync(TaskActivityContext context, TextToEmbed input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return EmbedAsync(source, input.Text, CancellationToken.None);
    }

    /// <summary>
    /// The text's vector, quantized, with its model; null when embeddings are off or the text is blank. For code outside
    /// orchestrations (handlers), which may call the model directly; orchestrations go through the activity.
    /// </summary>
    public static async Task<QuantizedEmbedding?> EmbedAsync(IEmbeddingSource source, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(text) || !source.TryGet(out var generator, out var model))
        {
            return null;
        }

        var embeddings = await generator.GenerateAsync([text.Length > MaxCharacters ? text[..MaxCharacters] : text], cancellationToken: cancellationToken);
        return QuantizedEmbedding.From(model, embeddings[0].Vector.Span);
    }
}

/// <summary>Input of <see cref="EmbedTextActivity"/>.</summary>
/// <param name="Text">The text to embed (a prompt, a memory value); never a sealed value, whose vector would leak it.</param>
public sealed record TextToEmbed(string Text);
