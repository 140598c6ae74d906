namespace Swarm.Providers.Configuration;

/// <summary>A model server on the user's machine or network.</summary>
public sealed class LocalProviderSettings : VendorProviderSettings
{
    /// <summary>Ollama's native API (through OllamaSharp).</summary>
    public const string OllamaApi = "ollama";

    /// <summary>The OpenAI Chat Completions API that vLLM, llama.cpp's server and LM Studio serve.</summary>
    public const string OpenAiApi = "openai";

    public LocalProviderSettings() => BaseUrl = "http://127.0.0.1:11434";

    /// <summary><see cref="OllamaApi"/> or <see cref="OpenAiApi"/>.</summary>
    public string Api { get; set; } = OllamaApi;
}
