using Polly.CircuitBreaker;

namespace Swarm.Providers.Resilience;

/// <summary>
/// What this process knows about one provider route: its breaker and its recent calls. Per process, like the breaker
/// itself: each Functions instance learns a provider's health on its own.
/// </summary>
public sealed class ProviderHealth(ProviderRoute route, TimeProvider time)
{
    readonly Lock gate = new();
    long calls;
    long failures;
    long inputTokens;
    long outputTokens;
    decimal costUsd;
    string? lastFailure;
    DateTimeOffset? lastFailureAt;
    string? lastFault;

    public ProviderRoute Route { get; } = route;

    /// <summary>Read by the health report; set by the pipeline that owns the breaker.</summary>
    public CircuitBreakerStateProvider Breaker { get; } = new();

    public ProviderHealthReport Report()
    {
        lock (gate)
        {
            var state = Breaker.CircuitState switch
            {
                CircuitState.Closed => "closed",
                CircuitState.Open => "open",
                CircuitState.HalfOpen => "half-open",
                CircuitState.Isolated => "isolated",
                _ => "unknown",
            };
            return new ProviderHealthReport(Route.Model, state, calls, failures, inputTokens, outputTokens, costUsd, lastFailure, lastFailureAt);
        }
    }

    public void RecordSuccess()
    {
        lock (gate)
        {
            calls++;
        }
    }

    /// <summary>What an answered call used; the cost is 0 for a model without a price.</summary>
    public void RecordUsage(long input, long output, decimal cost)
    {
        lock (gate)
        {
            inputTokens += input;
            outputTokens += output;
            costUsd += cost;
        }
    }

    /// <summary>
    /// The last failed attempt's cause as the wire showed it (e.g. <c>Connection refused (127.0.0.1:8080)</c>), kept so a
    /// call the open breaker refuses can still say why it opened instead of only that it did.
    /// </summary>
    public string? LastFault
    {
        get
        {
            lock (gate)
            {
                return lastFault;
            }
        }
    }

    /// <summary>One attempt failed (a call may make several); its cause is what the breaker counted.</summary>
    public void RecordFault(ProviderFaultException fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (gate)
        {
            lastFault = fault.Reason;
        }
    }

    public void RecordFailure(string reason)
    {
        lock (gate)
        {
            calls++;
            failures++;
            lastFailure = reason;
            lastFailureAt = time.GetUtcNow();
        }
    }
}
