namespace Swarm.Providers.Resilience;

/// <summary>One model's health and usage since this instance started, as <c>GET /api/v1/providers</c> shows it.</summary>
public sealed record ProviderHealthReport(
    string Model, string Breaker, long Calls, long Failures, long InputTokens, long OutputTokens, decimal CostUsd, string? LastFailure, DateTimeOffset? LastFailureAt);
