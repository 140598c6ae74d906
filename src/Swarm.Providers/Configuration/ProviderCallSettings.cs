namespace Swarm.Providers.Configuration;

/// <summary>What every call to a provider gets, whatever the vendor: limits, retries, a breaker, fallbacks and prices.</summary>
public class ProviderCallSettings
{
    /// <summary>Calls to this provider in flight at once, from this process; more wait in line.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Calls that may wait for a free place; beyond it a call is refused at once (and retried durably later).</summary>
    public int QueueLimit { get; set; } = 256;

    /// <summary>How long one HTTP attempt may take before it is cancelled and, if attempts remain, retried.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 60;

    /// <summary>Retries inside one call, for brief faults only (429, 5xx, timeouts, connection errors).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubles each retry, with jitter.</summary>
    public int RetryDelayMs { get; set; } = 500;

    /// <summary>
    /// The longest <c>Retry-After</c> honoured inside a call. A provider asking for a longer pause is not retried in
    /// the call: the fallback chain, or a later durable retry, takes over instead of holding a worker while it waits.
    /// </summary>
    public int MaxRetryAfterSeconds { get; set; } = 20;

    public CircuitBreakerSettings Breaker { get; set; } = new();

    /// <summary>Where a call goes when this provider fails, in order, as <c>type:model</c> (e.g. <c>openai:gpt-4o-mini</c>).</summary>
    public string[] Fallback { get; set; } = [];

    /// <summary>Prices per model in US dollars per million tokens; a model without a price is reported with no cost.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.Ordinal);
}
