using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Swarm.Providers.Configuration;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Embeddings;

/// <summary>
/// The configured embedding model (<c>learning:embeddings</c>), built on first use and shared; none when the setting
/// names no provider. Settings validation has already checked that the provider can embed and is configured.
/// </summary>
public sealed class ConfiguredEmbeddingSource : IEmbeddingSource, IDisposable
{
    readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>>? generator;
    readonly string? model;

    public ConfiguredEmbeddingSource(ProvidersSettings providers, EmbeddingSettings embeddings)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Enabled)
        {
            model = EmbeddingProviders.ModelIdOf(embeddings);
            generator = new(() => EmbeddingGenerators.Create(embeddings.Provider, providers, embeddings));
        }
    }

    public bool TryGet([NotNullWhen(true)] out IEmbeddingGenerator<string, Embedding<float>>? generator, [NotNullWhen(true)] out string? model)
    {
        generator = this.generator?.Value;
        model = this.model;
        return generator is not null && model is not null;
    }

    public void Dispose()
    {
        if (generator is { IsValueCreated: true })
        {
            generator.Value.Dispose();
        }
    }
}
