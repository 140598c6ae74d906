namespace Swarm.Providers.Configuration;

/// <summary>
/// The <c>providers</c> section: one block per provider type an agent may name. A block with no key (or, for
/// <c>local</c> and <c>custom</c>, no base URL) is listed as not configured, and an agent naming it is refused.
/// </summary>
public sealed class ProvidersSettings
{
    /// <summary>How long one model call may take, retries and fallbacks included, before it is abandoned.</summary>
    public int CallTimeoutSeconds { get; set; } = 120;

    public SimulatedProviderSettings Simulated { get; set; } = new();

    /// <summary>Alibaba Cloud Model Studio (DashScope) through its OpenAI-compatible endpoint. Key: <c>QWEN_API_KEY</c>.</summary>
    public QwenProviderSettings Qwen { get; set; } = new();

    /// <summary>OpenAI through the official OpenAI SDK. Key: <c>OPENAI_API_KEY</c>.</summary>
    public VendorProviderSettings OpenAi { get; set; } = new();

    /// <summary>Anthropic's Claude through the official Anthropic SDK. Key: <c>CLAUDE_API_KEY</c>.</summary>
    public VendorProviderSettings Claude { get; set; } = new();

    /// <summary>A model server on the user's machine: Ollama's own API or any OpenAI-compatible server.</summary>
    public LocalProviderSettings Local { get; set; } = new();

    /// <summary>Any OpenAI-compatible endpoint with its own base URL, key (<c>CUSTOM_API_KEY</c>) and extra headers.</summary>
    public VendorProviderSettings Custom { get; set; } = new();

    /// <summary>The settings block of a provider type, or null for a type this version does not know.</summary>
    public ProviderCallSettings? For(string providerType) => providerType switch
    {
        ProviderTypes.Simulated => Simulated,
        ProviderTypes.Qwen => Qwen,
        ProviderTypes.OpenAi => OpenAi,
        ProviderTypes.Claude => Claude,
        ProviderTypes.Local => Local,
        ProviderTypes.Custom => Custom,
        _ => null,
    };
}
