using Microsoft.Extensions.AI;
using Swarm.Domain.Learning;
using Swarm.Providers.Configuration;
using Swarm.Providers.Embeddings;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// The prompts' vectors from the swarm's built-in embedding model (<c>learning:embeddings:provider = minilm</c>), made
/// the way a task's are: <see cref="EmbeddingGenerators"/> at the settings' default dimensions, then
/// <see cref="QuantizedEmbedding"/>. Each distinct text is embedded once and shared by every variant and seed.
/// </summary>
sealed class TaskVectors : IDisposable
{
    readonly IEmbeddingGenerator<string, Embedding<float>> generator;
    readonly Dictionary<string, QuantizedEmbedding> byText = new(StringComparer.Ordinal);

    public TaskVectors()
    {
        var settings = new EmbeddingSettings { Provider = EmbeddingProviders.MiniLm };
        Model = EmbeddingProviders.ModelIdOf(settings);
        Dimensions = settings.Dimensions;
        generator = EmbeddingGenerators.Create(EmbeddingProviders.MiniLm, new ProvidersSettings(), settings);
    }

    /// <summary>The model id stored with each vector.</summary>
    public string Model { get; }

    public int Dimensions { get; }

    /// <summary>How many distinct texts were embedded, and how long that took (the cost a swarm pays once per task).</summary>
    public int Embedded { get; private set; }

    public TimeSpan EmbeddingTime { get; private set; }

    /// <summary>Embeds every text not yet embedded, in batches.</summary>
    public async Task AddAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var missing = texts.Distinct(StringComparer.Ordinal).Where(t => !byText.ContainsKey(t)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var batch in missing.Chunk(64))
        {
            var vectors = await generator.GenerateAsync(batch, cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                byText[batch[i]] = QuantizedEmbedding.From(Model, vectors[i].Vector.Span);
            }
        }

        Embedded += missing.Count;
        EmbeddingTime += clock.Elapsed;
    }

    public QuantizedEmbedding Of(string text) => byText[text];

    public void Dispose() => generator.Dispose();
}
