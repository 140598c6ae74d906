using System.Diagnostics;
using Microsoft.Extensions.AI;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tracing;

/// <summary>
/// Tells the span around a route's calls (<see cref="ModelCallTracing"/>) which provider and model the route is, in
/// the swarm's terms: the vendor SDK would name itself (the OpenAI SDK says <c>openai</c> for a Qwen or local route).
/// Inside that span it also tags who called (the agent and capability of <see cref="ModelCallContext"/>).
/// </summary>
sealed class RouteIdentityChatClient(IChatClient inner, ProviderRoute route) : DelegatingChatClient(inner)
{
    readonly ChatClientMetadata metadata = new(ModelCallTracing.ProviderName(route.Provider), defaultModelId: route.Model);

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        TagCaller(options);
        return base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        TagCaller(options);
        return base.GetStreamingResponseAsync(messages, options, cancellationToken);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? metadata : base.GetService(serviceType, serviceKey);

    /// <summary>Only ids: the question a ballot asks is prompt text, which stays out of traces.</summary>
    void TagCaller(ChatOptions? options)
    {
        if (Activity.Current is not { Source.Name: ModelCallTracing.SourceName } span)
        {
            return;
        }

        span.SetTag("swarm.provider", route.Provider);
        if (ModelCallContext.Of(options) is { } caller)
        {
            span.SetTag("swarm.agent.id", caller.AgentId);
            span.SetTag("swarm.capability", caller.Capability);
        }
    }
}
