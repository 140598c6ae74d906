using Microsoft.Extensions.AI;

namespace Swarm.Providers.Embeddings;

/// <summary>
/// Asks every request for <c>dimensions</c> components and cuts a longer answer to that many, renormalised to unit
/// length: models trained to be shortened (OpenAI's text-embedding-3, Qwen's v3 and later) keep their meaning in the
/// leading components, and a model that ignores the request still yields vectors of the one length the swarm compares.
/// </summary>
public sealed class DimensionLimitedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int dimensions)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var asked = options?.Clone() ?? new EmbeddingGenerationOptions();
        asked.Dimensions ??= dimensions;
        var generated = await base.GenerateAsync(values, asked, cancellationToken);
        var limited = new GeneratedEmbeddings<Embedding<float>>(generated.Select(Limit))
        {
            Usage = generated.Usage,
            AdditionalProperties = generated.AdditionalProperties,
        };
        return limited;
    }

    Embedding<float> Limit(Embedding<float> embedding)
    {
        if (embedding.Vector.Length <= dimensions)
        {
            return embedding;
        }

        var kept = embedding.Vector.Span[..dimensions].ToArray();
        var length = MathF.Sqrt(kept.Sum(v => v * v));
        if (length > 0)
        {
            for (var i = 0; i < kept.Length; i++)
            {
                kept[i] /= length;
            }
        }

        return new Embedding<float>(kept) { CreatedAt = embedding.CreatedAt, ModelId = embedding.ModelId, AdditionalProperties = embedding.AdditionalProperties };
    }
}
