namespace Swarm.Runtime.Http.Endpoints.Tasks;

/// <summary>What an external agent posts for the step it holds: its answer and, if it knows them, its usage.</summary>
public sealed record TaskResultBody(string? Text, long? InputTokens = null, long? OutputTokens = null, decimal? CostUsd = null, string? Model = null);
