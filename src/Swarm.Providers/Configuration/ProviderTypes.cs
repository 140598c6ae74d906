namespace Swarm.Providers.Configuration;

/// <summary>The provider type names of the spec's agent configuration, and the environment variable holding each key.</summary>
public static class ProviderTypes
{
    public const string Simulated = Domain.Agents.ProviderSettings.SimulatedType;
    public const string Qwen = "qwen";
    public const string OpenAi = "openai";
    public const string Claude = "claude";
    public const string Local = "local";
    public const string Custom = "custom";

    /// <summary>An agent that does its work outside the swarm and posts the answer; it has no model to call.</summary>
    public const string External = Domain.Agents.ProviderSettings.ExternalType;

    public static IReadOnlyList<string> All { get; } = [Qwen, OpenAi, Claude, Local, Custom, Simulated];

    /// <summary>The spec's <c>.env</c> names (<c>QWEN_API_KEY</c>, …); read when <c>providers:&lt;type&gt;:apiKey</c> is not set.</summary>
    public static string KeyVariable(string providerType) => providerType.ToUpperInvariant() + "_API_KEY";
}
