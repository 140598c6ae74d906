using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace Swarm.Workflows.Models;

/// <summary>
/// The model that turns text into vectors, when <c>learning:embeddings</c> names one. Implemented by Swarm.Providers
/// (<c>ConfiguredEmbeddingSource</c>) for the providers whose APIs embed (openai, qwen, custom and local) and for the
/// model built into the swarm (minilm).
/// </summary>
public interface IEmbeddingSource
{
    /// <summary>
    /// The configured generator, already asking for and cut to the configured dimensions, and the id of its model as
    /// <c>provider:model</c> (stored with every vector, so only vectors of one model are compared); false when
    /// embeddings are off.
    /// </summary>
    bool TryGet([NotNullWhen(true)] out IEmbeddingGenerator<string, Embedding<float>>? generator, [NotNullWhen(true)] out string? model);
}
