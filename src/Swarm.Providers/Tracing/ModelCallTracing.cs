using Microsoft.Extensions.AI;
using Swarm.Providers.Configuration;

namespace Swarm.Providers.Tracing;

/// <summary>
/// One span per model call on a route, by Microsoft.Extensions.AI's <see cref="OpenTelemetryChatClient"/>, which
/// follows the OpenTelemetry generative-AI conventions: <c>gen_ai.operation.name</c> (<c>chat</c>),
/// <c>gen_ai.provider.name</c>, <c>gen_ai.request.model</c>, <c>gen_ai.response.model</c>,
/// <c>gen_ai.usage.input_tokens</c>, <c>gen_ai.usage.output_tokens</c> and <c>gen_ai.response.finish_reasons</c>.
/// Prompts, answers and tool arguments stay out of it (the client's sensitive-data switch stays off). The span wraps
/// the route's whole call, its retries and breaker included, under the span of the activity that made it; a call that
/// falls back to another route gives one span per route tried.
/// </summary>
public static class ModelCallTracing
{
    /// <summary>The name of the source (every <c>Swarm.*</c> source is exported).</summary>
    public const string SourceName = "Swarm.Models";

    /// <summary><paramref name="route"/>'s client with a span around each call, naming the route's provider and model.</summary>
    public static IChatClient Traced(IChatClient route, ProviderRoute routeName)
    {
        ArgumentNullException.ThrowIfNull(routeName);
        return new OpenTelemetryChatClient(new RouteIdentityChatClient(route, routeName), logger: null, sourceName: SourceName);
    }

    /// <summary>
    /// The convention's provider name for a provider type: its registered value where the convention has one
    /// (<c>openai</c>, <c>anthropic</c>), else the swarm's own type name (<c>qwen</c>, <c>local</c>, <c>custom</c>,
    /// <c>simulated</c>), which the span's <c>swarm.provider</c> also carries.
    /// </summary>
    public static string ProviderName(string providerType) => providerType switch
    {
        ProviderTypes.Claude => "anthropic",
        _ => providerType,
    };
}
