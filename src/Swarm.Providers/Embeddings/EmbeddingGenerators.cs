using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Embeddings;
using Swarm.Providers.Configuration;
using Swarm.Providers.Vendors;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Embeddings;

/// <summary>
/// Makes the configured embedding generator, through Microsoft.Extensions.AI: a vendor's from its own SDK (the OpenAI
/// SDK's embedding client for OpenAI-compatible APIs, OllamaSharp for Ollama's), or the built-in model in process.
/// Embedding calls go around the chat stack (no breaker, fallback or accounting): they are small, and the durable
/// activity that makes them retries the rest, so the SDK's own retries (the provider's <c>maxRetries</c>, honouring
/// <c>Retry-After</c>) are enough here.
/// </summary>
public static class EmbeddingGenerators
{
    /// <exception cref="ProviderNotConfiguredException">The provider cannot embed or lacks its key or base URL.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(string providerType, ProvidersSettings providers, EmbeddingSettings embeddings)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (EmbeddingProviders.IsBuiltIn(providerType))
        {
            return new DimensionLimitedEmbeddingGenerator(new MiniLmEmbeddingGenerator(), embeddings.Dimensions);
        }

        if (!EmbeddingProviders.CanEmbed(providerType) || providers.For(providerType) is not VendorProviderSettings settings)
        {
            throw new ProviderNotConfiguredException($"Provider type '{providerType}' cannot embed; these can: {string.Join(", ", EmbeddingProviders.All)}.");
        }

        if (ProviderReadiness.ProblemOf(providerType, settings) is { } problem)
        {
            throw new ProviderNotConfiguredException(problem);
        }

        IEmbeddingGenerator<string, Embedding<float>> vendor = providerType switch
        {
            ProviderTypes.Qwen => OpenAiCompatible(((QwenProviderSettings)settings).Endpoint, settings, embeddings),
            ProviderTypes.Local when settings is LocalProviderSettings { Api: LocalProviderSettings.OllamaApi } => Ollama(settings, embeddings),
            _ => OpenAiCompatible(settings.BaseUrl, settings, embeddings),
        };
        return new DimensionLimitedEmbeddingGenerator(vendor, embeddings.Dimensions);
    }

    static IEmbeddingGenerator<string, Embedding<float>> OpenAiCompatible(string? baseUrl, VendorProviderSettings settings, EmbeddingSettings embeddings)
    {
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: settings.MaxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds),
            Transport = new HttpClientPipelineTransport(VendorHttpClients.Create(settings)),
        };
        if (baseUrl is { Length: > 0 })
        {
            options.Endpoint = new Uri(baseUrl);
        }

        // As for chat: local servers and some gateways take no key, but the SDK insists on a credential.
        var credential = new ApiKeyCredential(settings.ApiKey is { Length: > 0 } key ? key : "no-key");
        return new EmbeddingClient(embeddings.Model, credential, options).AsIEmbeddingGenerator(embeddings.Dimensions);
    }

    static OllamaApiClient Ollama(VendorProviderSettings settings, EmbeddingSettings embeddings)
    {
        var http = VendorHttpClients.Create(settings, new Uri(settings.BaseUrl!));
        http.Timeout = TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds);
        return new OllamaApiClient(http, embeddings.Model);
    }
}
