using Swarm.Providers.Accounting;
using Swarm.Providers.Configuration;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.Providers.Tests;

/// <summary>Builds the real provider stack (catalog, resilience, the vendors' SDKs) pointed at a fake vendor server.</summary>
static class ProviderStack
{
    public const string OpenAiKey = "sk-test-openai-0123456789abcdef";
    public const string QwenKey = "sk-test-qwen-0123456789abcdef";
    public const string ClaudeKey = "sk-ant-test-0123456789abcdef";
    public const string CustomKey = "custom-test-0123456789abcdef";

    /// <summary>Every vendor provider at the fake server, with keys, quick retries and a price for the models the tests use.</summary>
    public static ProvidersSettings Settings(FakeVendorServer server)
    {
        var settings = new ProvidersSettings
        {
            OpenAi = { BaseUrl = new Uri(server.BaseUri, "v1/").ToString(), ApiKey = OpenAiKey },
            Qwen = { BaseUrl = new Uri(server.BaseUri, "compatible-mode/v1/").ToString(), ApiKey = QwenKey },
            Claude = { BaseUrl = server.BaseUri.ToString().TrimEnd('/'), ApiKey = ClaudeKey },
            Local = { BaseUrl = server.BaseUri.ToString() },
            Custom = { BaseUrl = new Uri(server.BaseUri, "gateway/v1/").ToString(), ApiKey = CustomKey, Headers = { ["X-Gateway-Tenant"] = "team-a" } },
        };
        foreach (var type in ProviderTypes.All)
        {
            var block = settings.For(type)!;
            block.RetryDelayMs = 10;
            block.AttemptTimeoutSeconds = 5;
            block.Prices["m-priced"] = new ModelPrice { InputPerMillionTokens = 3m, OutputPerMillionTokens = 15m };
        }

        return settings;
    }

    public static ProviderCatalog Catalog(ProvidersSettings settings, ProviderMetrics? metrics = null) =>
        new(settings, TimeProvider.System, metrics ?? new ProviderMetrics());
}
