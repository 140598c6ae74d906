using System.Diagnostics.Metrics;

namespace Swarm.Providers.Accounting;

/// <summary>
/// The providers' numbers as OpenTelemetry-style instruments on the <c>Swarm.Providers</c> meter: calls by outcome,
/// tokens by direction, cost in US dollars and call duration, each tagged with provider and model. Any exporter that
/// listens to the meter (Application Insights, OTLP, <c>dotnet-counters</c>) gets them.
/// </summary>
public sealed class ProviderMetrics : IDisposable
{
    public const string MeterName = "Swarm.Providers";

    readonly Counter<long> calls;
    readonly Counter<long> tokens;
    readonly Counter<double> cost;
    readonly Histogram<double> duration;

    public ProviderMetrics()
    {
        Meter = new Meter(MeterName, "1.0");
        calls = Meter.CreateCounter<long>("swarm.provider.calls", description: "Model calls, by outcome (success or failure), after retries.");
        tokens = Meter.CreateCounter<long>("swarm.provider.tokens", "{token}", "Tokens sent (input) and received (output), as the provider counted them.");
        cost = Meter.CreateCounter<double>("swarm.provider.cost", "USD", "Cost of model calls from the configured price table.");
        duration = Meter.CreateHistogram<double>("swarm.provider.duration", "ms", "Wall time of a model call, retries included.");
    }

    public Meter Meter { get; }

    public void RecordSuccess(ProviderRoute route, long inputTokens, long outputTokens, decimal? costUsd, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(route);
        var provider = new KeyValuePair<string, object?>("provider", route.Provider);
        var model = new KeyValuePair<string, object?>("model", route.Model);
        calls.Add(1, provider, model, new("outcome", "success"));
        tokens.Add(inputTokens, provider, model, new("direction", "input"));
        tokens.Add(outputTokens, provider, model, new("direction", "output"));
        if (costUsd is { } dollars)
        {
            cost.Add((double)dollars, provider, model);
        }

        duration.Record(milliseconds, provider, model);
    }

    public void RecordFailure(ProviderRoute route, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(route);
        var provider = new KeyValuePair<string, object?>("provider", route.Provider);
        var model = new KeyValuePair<string, object?>("model", route.Model);
        calls.Add(1, provider, model, new("outcome", "failure"));
        duration.Record(milliseconds, provider, model);
    }

    public void Dispose() => Meter.Dispose();
}
