using Swarm.Providers.Configuration;

namespace Swarm.Providers.Embeddings;

/// <summary>
/// The provider types whose APIs embed text: OpenAI's <c>/v1/embeddings</c> (openai, qwen's compatible mode, custom
/// gateways, local OpenAI-compatible servers) and Ollama's <c>/api/embed</c>. Anthropic has no embeddings API, and the
/// simulated provider has no meaning to put in a vector.
/// </summary>
public static class EmbeddingProviders
{
    public static IReadOnlyList<string> All { get; } = [ProviderTypes.OpenAi, ProviderTypes.Qwen, ProviderTypes.Custom, ProviderTypes.Local];

    public static bool CanEmbed(string providerType) => All.Contains(providerType, StringComparer.Ordinal);
}
