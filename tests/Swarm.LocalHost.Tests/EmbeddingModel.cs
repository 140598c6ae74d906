namespace Swarm.LocalHost.Tests;

/// <summary>The settings that give a host an OpenAI embedding model at <c>baseUrl</c> (the fake vendor, or a port nobody answers).</summary>
static class EmbeddingModel
{
    public static (string Key, string Value)[] Settings(string baseUrl, int? dimensions = null, params (string Key, string Value)[] more) =>
    [
        ("OPENAI_API_KEY", "sk-local-host-test-0123456789abcdef"),
        ("providers__openai__baseUrl", baseUrl),
        ("providers__openai__maxRetries", "0"),
        ("learning__embeddings__provider", "openai"),
        ("learning__embeddings__model", "text-embedding-3-small"),
        .. dimensions is { } d ? new[] { ("learning__embeddings__dimensions", d.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [],
        .. more,
    ];
}
