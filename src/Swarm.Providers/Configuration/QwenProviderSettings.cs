namespace Swarm.Providers.Configuration;

/// <summary>Qwen on Alibaba Cloud Model Studio (DashScope), through its OpenAI-compatible mode.</summary>
public sealed class QwenProviderSettings : VendorProviderSettings
{
    public const string InternationalEndpoint = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1";
    public const string ChinaEndpoint = "https://dashscope.aliyuncs.com/compatible-mode/v1";

    /// <summary><c>international</c> (Singapore) or <c>china</c> (Beijing); picks the endpoint when <see cref="VendorProviderSettings.BaseUrl"/> is empty.</summary>
    public string Region { get; set; } = "international";

    public string Endpoint => BaseUrl is { Length: > 0 } url ? url
        : string.Equals(Region, "china", StringComparison.OrdinalIgnoreCase) ? ChinaEndpoint : InternationalEndpoint;
}
