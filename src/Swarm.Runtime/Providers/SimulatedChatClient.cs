using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Swarm.Runtime.Providers;

/// <summary>
/// The offline provider: answers without a model, so the swarm runs with no keys and no network.
/// The answer is derived from the prompt alone (same prompt, same answer) and always starts with
/// <see cref="Label"/> so nobody mistakes it for a model's output. Token counts are word counts.
/// </summary>
public sealed class SimulatedChatClient(TimeSpan latency, TimeProvider time) : IChatClient
{
    public const string Label = "[simulated]";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n", messages.Select(m => m.Text));
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, cancellationToken);
        }

        var text = Answer(prompt);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = options?.ModelId ?? "simulated",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = WordCount(prompt), OutputTokenCount = WordCount(text) },
            AdditionalProperties = new AdditionalPropertiesDictionary { ["simulated"] = true },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
    }

    /// <summary>The deterministic answer for a prompt: a fingerprint of the prompt and an echo of its start.</summary>
    public static string Answer(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)))[..12];
        var head = prompt.Length <= 80 ? prompt : prompt[..80] + "…";
        return $"{Label} answer {fingerprint} to a {WordCount(prompt)}-word prompt: \"{head}\"";
    }

    static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
