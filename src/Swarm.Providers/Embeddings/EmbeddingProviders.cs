using Swarm.Providers.Configuration;

namespace Swarm.Providers.Embeddings;

/// <summary>
/// What <c>learning:embeddings:provider</c> may name. The provider types whose APIs embed text: OpenAI's
/// <c>/v1/embeddings</c> (openai, qwen's compatible mode, custom gateways, local OpenAI-compatible servers) and Ollama's
/// <c>/api/embed</c>; Anthropic has no embeddings API, and the simulated provider has no meaning to put in a vector.
/// And <see cref="MiniLm"/>, a model inside the swarm itself (<see cref="MiniLmEmbeddingGenerator"/>), which needs no
/// provider block.
/// </summary>
public static class EmbeddingProviders
{
    /// <summary>all-MiniLM-L6-v2 in process: no server, key or network.</summary>
    public const string MiniLm = "minilm";

    public static IReadOnlyList<string> All { get; } = [ProviderTypes.OpenAi, ProviderTypes.Qwen, ProviderTypes.Custom, ProviderTypes.Local, MiniLm];

    public static bool CanEmbed(string providerType) => All.Contains(providerType, StringComparer.Ordinal);

    /// <summary>Whether the name is the built-in model rather than a provider type configured under <c>providers</c>.</summary>
    public static bool IsBuiltIn(string provider) => string.Equals(provider, MiniLm, StringComparison.Ordinal);

    /// <summary>The model id the swarm records with every vector: <c>provider:model</c> (the built-in's model may be left unnamed).</summary>
    public static string ModelIdOf(EmbeddingSettings embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var model = IsBuiltIn(embeddings.Provider) && string.IsNullOrWhiteSpace(embeddings.Model) ? MiniLmEmbeddingGenerator.ModelName : embeddings.Model;
        return $"{embeddings.Provider}:{model}";
    }
}
