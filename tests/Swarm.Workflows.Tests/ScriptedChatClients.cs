using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Tests;

/// <summary>
/// A stand-in for a model vendor (not for our runtime): fails its first <paramref name="failures"/> calls,
/// then answers. Its failures are transient, unless <paramref name="rejects"/>: then they are the provider stack's
/// "rejected" error. Counts every call so tests can see how often the workflow asked.
/// </summary>
sealed class ScriptedChatClients(int failures, bool rejects = false) : IChatClientProvider, IChatClient
{
    int calls;

    public int Calls => calls;

    public IChatClient GetClient(ProviderSettings agentProvider) => this;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref calls);
        if (call <= failures)
        {
            throw rejects
                ? new ModelCallRejectedException($"scripted:m: HTTP 401 (Unauthorized): bad key (call {call})")
                : new ModelCallFailedException($"scripted:m: model unavailable (call {call})");
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer after " + call + " calls")) { ModelId = "scripted" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
