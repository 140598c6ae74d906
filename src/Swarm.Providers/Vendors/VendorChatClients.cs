using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;
using Swarm.Providers.Configuration;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Vendors;

/// <summary>
/// Makes the bare <see cref="IChatClient"/> for a vendor and model from the vendor's own SDK. The SDKs' built-in
/// retries are switched off: retrying is the resilience pipeline's job, and two layers of it would multiply.
/// </summary>
public static class VendorChatClients
{
    /// <exception cref="ProviderNotConfiguredException">The provider lacks its key or base URL; the message names the setting.</exception>
    public static IChatClient Create(string providerType, VendorProviderSettings settings, string model)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problem = ProviderReadiness.ProblemOf(providerType, settings);
        if (problem is not null)
        {
            throw new ProviderNotConfiguredException(problem);
        }

        return providerType switch
        {
            ProviderTypes.OpenAi => OpenAiCompatible(settings.BaseUrl, settings.ApiKey!, settings, model),
            ProviderTypes.Qwen => OpenAiCompatible(((QwenProviderSettings)settings).Endpoint, settings.ApiKey!, settings, model),
            ProviderTypes.Custom => OpenAiCompatible(settings.BaseUrl, settings.ApiKey, settings, model),
            ProviderTypes.Claude => Claude(settings, model),
            ProviderTypes.Local when settings is LocalProviderSettings { Api: LocalProviderSettings.OllamaApi } => Ollama(settings, model),
            ProviderTypes.Local => OpenAiCompatible(settings.BaseUrl, settings.ApiKey, settings, model),
            _ => throw new ProviderNotConfiguredException($"Provider type '{providerType}' is not a vendor this version can call."),
        };
    }

    static IChatClient OpenAiCompatible(string? baseUrl, string? apiKey, VendorProviderSettings settings, string model)
    {
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            Transport = new HttpClientPipelineTransport(VendorHttpClients.Create(settings)),
        };
        if (baseUrl is { Length: > 0 })
        {
            options.Endpoint = new Uri(baseUrl);
        }

        // Local servers and some gateways take no key, but the SDK insists on a credential; they ignore this one.
        var credential = new ApiKeyCredential(apiKey is { Length: > 0 } ? apiKey : "no-key");
        return new ChatClient(model, credential, options).AsIChatClient();
    }

    static IChatClient Claude(VendorProviderSettings settings, string model)
    {
        var options = new ClientOptions
        {
            ApiKey = settings.ApiKey,
            MaxRetries = 0,
            Timeout = Timeout.InfiniteTimeSpan,
            HttpClient = VendorHttpClients.Create(settings),
        };
        if (settings.BaseUrl is { Length: > 0 } baseUrl)
        {
            options.BaseUrl = baseUrl;
        }

        return new AnthropicClient(options).AsIChatClient(model);
    }

    static OllamaToolCalling Ollama(VendorProviderSettings settings, string model) =>
        new(new OllamaApiClient(VendorHttpClients.Create(settings, new Uri(settings.BaseUrl!)), model));
}
