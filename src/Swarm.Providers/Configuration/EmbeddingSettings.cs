namespace Swarm.Providers.Configuration;

/// <summary>
/// <c>learning:embeddings</c>: the model that turns prompts and memory values into vectors, so that similar texts are
/// found by meaning as well as by shared words. Off while <see cref="Provider"/> is empty; the lexical representation
/// needs no model and is always there.
/// </summary>
public sealed class EmbeddingSettings
{
    public const int MinDimensions = 64;
    public const int MaxDimensions = 1_024;

    /// <summary>
    /// A provider type whose API embeds (openai, qwen, custom or local), configured under <c>providers</c>; or
    /// <c>minilm</c>, the model built into the swarm (all-MiniLM-L6-v2, no server or key); empty turns embeddings off.
    /// </summary>
    public string Provider { get; set; } = "";

    /// <summary>The embedding model, e.g. <c>text-embedding-3-small</c>, <c>text-embedding-v4</c> or <c>nomic-embed-text</c> (may be empty for <c>minilm</c>).</summary>
    public string Model { get; set; } = "";

    /// <summary>
    /// Components kept per vector, 64 to 1,024. Asked of the model (OpenAI's and Qwen's v3 models, and Ollama, shorten
    /// their vectors on request); a longer answer is cut to this many and renormalised.
    /// </summary>
    public int Dimensions { get; set; } = 256;

    public bool Enabled => Provider.Length > 0;
}
