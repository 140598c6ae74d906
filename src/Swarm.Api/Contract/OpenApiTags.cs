namespace Swarm.Api.Contract;

/// <summary>What each group of routes in the OpenAPI document is about; a group without a line here is a test failure (the linter asks for one).</summary>
public static class OpenApiTags
{
    static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["health"] = "Liveness and readiness, for load balancers: no credential.",
        ["tasks"] = "Submit work to the swarm, follow it, cancel, approve or reject it, post an external agent's result, rate it.",
        ["patterns"] = "Find earlier tasks like a piece of text.",
        ["agents"] = "The agents: create, list, read, retire, scale pools, heartbeats, API keys and learning.",
        ["auth"] = "Exchange an agent's API key for a short-lived session token.",
        ["providers"] = "The model providers, their routes, health and cost.",
        ["system"] = "The swarm at a glance: state, health, metrics and autoscaling.",
        ["consensus"] = "Proposals the agents vote on, their ballots and outcomes.",
        ["messages"] = "Messages to agents over the real-time channel.",
        ["realtime"] = "The real-time channel: negotiate a connection, and the event handler the channel service calls.",
        ["audit"] = "The audit trail of every change and every refusal.",
        ["memory"] = "Shared and per-agent memory: keys and values, and search.",
        ["openapi"] = "This document: the API's OpenAPI 3.1 contract.",
    };

    public static string Describe(string tag) =>
        Descriptions.TryGetValue(tag, out var description) ? description : throw new InvalidOperationException($"The OpenAPI tag '{tag}' has no description in {nameof(OpenApiTags)}.");
}
