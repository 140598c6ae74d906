namespace Swarm.Providers.Configuration;

/// <summary>A provider reached over HTTP with a vendor SDK.</summary>
public class VendorProviderSettings : ProviderCallSettings
{
    /// <summary>The API's base URL; the vendor's public endpoint when empty (required for <c>local</c> and <c>custom</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The API key. Better left empty here and set as the environment variable (<c>OPENAI_API_KEY</c>, …) or, in Azure, a Key Vault reference.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Extra headers sent with every request (e.g. an API gateway's subscription key).</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
