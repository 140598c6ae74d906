using Swarm.Providers.Configuration;

namespace Swarm.Providers.Vendors;

/// <summary>Whether a provider has what it needs to be called, and if not, which setting is missing.</summary>
public static class ProviderReadiness
{
    /// <summary>Null when the provider can be called; otherwise a sentence naming the missing setting (never a value).</summary>
    public static string? ProblemOf(string providerType, ProviderCallSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings is not VendorProviderSettings vendor)
        {
            return null;
        }

        var needsKey = providerType is ProviderTypes.OpenAi or ProviderTypes.Qwen or ProviderTypes.Claude;
        if (needsKey && string.IsNullOrEmpty(vendor.ApiKey))
        {
            return $"Provider '{providerType}' has no API key: set the environment variable {ProviderTypes.KeyVariable(providerType)} (or providers:{providerType}:apiKey).";
        }

        var needsBaseUrl = providerType is ProviderTypes.Local or ProviderTypes.Custom;
        if (needsBaseUrl && string.IsNullOrEmpty(vendor.BaseUrl))
        {
            return $"Provider '{providerType}' has no base URL: set providers:{providerType}:baseUrl.";
        }

        return null;
    }
}
