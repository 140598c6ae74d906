namespace Swarm.Domain.Tasks;

/// <summary>What one agent produced for one task, with the accounting the spec asks for.</summary>
/// <param name="Text">The agent's answer.</param>
/// <param name="Provider">Provider type that produced it.</param>
/// <param name="Model">Model name the provider reported.</param>
/// <param name="Simulated">True when the offline simulated provider produced it: never a model's answer.</param>
/// <param name="InputTokens">Tokens sent, as the provider counted them.</param>
/// <param name="OutputTokens">Tokens received.</param>
/// <param name="LatencyMs">Wall time of the provider call.</param>
public sealed record AgentAnswer(string Text, string Provider, string Model, bool Simulated, long InputTokens, long OutputTokens, long LatencyMs);
