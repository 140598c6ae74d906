using Swarm.Providers.Resilience;

namespace Swarm.Providers;

/// <summary>One provider type as <c>GET /api/v1/providers</c> shows it.</summary>
/// <param name="Problem">Why it cannot be called (the missing setting), or null.</param>
/// <param name="InFlight">Calls running now from this process; <paramref name="Queued"/> are waiting for a place.</param>
/// <param name="Models">The routes this process has called, with their breaker state and recent failures.</param>
public sealed record ProviderReport(
    string Type, bool Configured, string? Problem, string? Endpoint, int MaxConcurrency, long InFlight, long Queued,
    IReadOnlyList<string> Fallback, IReadOnlyList<string> PricedModels, IReadOnlyList<ProviderHealthReport> Models);
