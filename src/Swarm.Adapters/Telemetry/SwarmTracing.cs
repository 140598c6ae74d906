using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Swarm.Adapters.Telemetry;

/// <summary>
/// Exports one trace per task with OpenTelemetry, the same way in both hosts and under the same two settings as the
/// metrics (<see cref="SwarmTelemetry"/>): over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads
/// the standard <c>OTEL_EXPORTER_OTLP_*</c> settings itself: protocol, headers, a traces endpoint of its own), and to
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. With neither, no span is even created: an
/// <see cref="System.Diagnostics.ActivitySource"/> nobody listens to starts nothing.
/// </summary>
/// <remarks>
/// A trace is made of the swarm's own spans (every source named <c>Swarm.*</c>: the API request, each model call with
/// the generative-AI conventions, each server tool call, each real-time notice) and the Durable Task runtime's, which
/// carries W3C trace context inside its messages: the durable client's <c>create_orchestration</c> span (source
/// <see cref="DurableClientSource"/>), then the runtime's orchestration, sub-orchestration, activity, entity and timer
/// spans (source <see cref="DurableRuntimeSource"/>), each the child of the one that scheduled it.
/// </remarks>
public static class SwarmTracing
{
    /// <summary>Every source the swarm's own code starts spans from (the API, the workflows, the model calls).</summary>
    public const string SwarmSources = "Swarm.*";

    /// <summary>The Durable Task SDK's client and gRPC worker: <c>create_orchestration</c>, raising events.</summary>
    public const string DurableClientSource = "Microsoft.DurableTask";

    /// <summary>DurableTask.Core: orchestrations, activities, entities and timers as the worker runs them.</summary>
    public const string DurableRuntimeSource = "DurableTask.Core";

    /// <summary>The Functions isolated worker's span around each invocation (parented on the Functions host's trace).</summary>
    public const string FunctionsWorkerSource = "Microsoft.Azure.Functions.Worker";

    /// <param name="exporters">More exporters, e.g. an in-memory one in tests; when given, spans are recorded even without the settings.</param>
    public static IServiceCollection AddSwarmTracing(this IServiceCollection services, IConfiguration configuration, Action<TracerProviderBuilder>? exporters = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureMonitor = configuration[SwarmTelemetry.AzureMonitorSetting];
        var otlp = configuration[SwarmTelemetry.OtlpEndpointSetting];
        if (string.IsNullOrEmpty(azureMonitor) && string.IsNullOrEmpty(otlp) && exporters is null)
        {
            return services;
        }

        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(SwarmSources, DurableClientSource, DurableRuntimeSource, FunctionsWorkerSource);
            if (!string.IsNullOrEmpty(azureMonitor))
            {
                tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
            }

            if (!string.IsNullOrEmpty(otlp))
            {
                // No endpoint set here: the exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _PROTOCOL) from configuration
                // and, over http/protobuf, appends /v1/traces, which an endpoint set in code would not get.
                tracing.AddOtlpExporter();
            }

            exporters?.Invoke(tracing);
        });
        return services;
    }
}
