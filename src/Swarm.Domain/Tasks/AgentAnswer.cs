namespace Swarm.Domain.Tasks;

/// <summary>What one agent produced for one task, with the accounting the spec asks for.</summary>
/// <param name="Text">The agent's answer.</param>
/// <param name="Provider">Provider type that produced it.</param>
/// <param name="Model">Model name the provider reported.</param>
/// <param name="Simulated">True when the offline simulated provider produced it: never a model's answer.</param>
/// <param name="InputTokens">Tokens sent, as the provider counted them.</param>
/// <param name="OutputTokens">Tokens received.</param>
/// <param name="LatencyMs">Wall time of the provider call, retries and fallbacks included.</param>
/// <param name="CostUsd">What the call cost in US dollars by the configured price table; null when the model has no price.</param>
/// <param name="FallbackFrom">The provider routes that failed before the one that answered, each with its reason.</param>
/// <param name="Turns">Model calls the answer took (more than one when the agent used tools); tokens, cost and latency are summed over them.</param>
/// <param name="ToolCalls">Tool calls the agent made on the way.</param>
public sealed record AgentAnswer(
    string Text, string Provider, string Model, bool Simulated, long InputTokens, long OutputTokens, long LatencyMs,
    decimal? CostUsd = null, IReadOnlyList<string>? FallbackFrom = null, int Turns = 1, int ToolCalls = 0);
