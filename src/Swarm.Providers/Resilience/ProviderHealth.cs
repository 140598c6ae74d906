using Polly.CircuitBreaker;

namespace Swarm.Providers.Resilience;

/// <summary>
/// What this process knows about one provider route: its breaker and its recent calls. Per process, like the breaker
/// itself: each Functions instance learns a provider's health on its own.
/// </summary>
public sealed class ProviderHealth(ProviderRoute route, TimeProvider time)
{
    long calls;
    long failures;
    string? lastFailure;
    DateTimeOffset? lastFailureAt;

    public ProviderRoute Route { get; } = route;

    /// <summary>Read by the health report; set by the pipeline that owns the breaker.</summary>
    public CircuitBreakerStateProvider Breaker { get; } = new();

    public ProviderHealthReport Report()
    {
        lock (this)
        {
            var state = Breaker.CircuitState switch
            {
                CircuitState.Closed => "closed",
                CircuitState.Open => "open",
                CircuitState.HalfOpen => "half-open",
                CircuitState.Isolated => "isolated",
                _ => "unknown",
            };
            return new ProviderHealthReport(Route.Model, state, calls, failures, lastFailure, lastFailureAt);
        }
    }

    public void RecordSuccess()
    {
        lock (this)
        {
            calls++;
        }
    }

    public void RecordFailure(string reason)
    {
        lock (this)
        {
            calls++;
            failures++;
            lastFailure = reason;
            lastFailureAt = time.GetUtcNow();
        }
    }
}

/// <summary>One model's health as <c>GET /api/v1/providers</c> shows it.</summary>
public sealed record ProviderHealthReport(string Model, string Breaker, long Calls, long Failures, string? LastFailure, DateTimeOffset? LastFailureAt);
