using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Swarm.Providers.Accounting;

namespace Swarm.Adapters.Telemetry;

/// <summary>
/// Exports the swarm's meters (every <c>Swarm.*</c> meter: model calls, tokens, cost, duration; API requests; tasks submitted)
/// with OpenTelemetry, the same way in both hosts: to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
/// is set (the Bicep template sets it), and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (a collector,
/// Prometheus, Grafana, Aspire's dashboard). With neither, nothing is exported and nothing is collected.
/// </summary>
public static class SwarmTelemetry
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <param name="exporters">More exporters, e.g. an in-memory one in tests; when given, metrics are collected even without the settings.</param>
    public static IServiceCollection AddSwarmTelemetry(this IServiceCollection services, IConfiguration configuration, Action<MeterProviderBuilder>? exporters = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureMonitor = configuration[AzureMonitorSetting];
        var otlp = configuration[OtlpEndpointSetting];
        if (string.IsNullOrEmpty(azureMonitor) && string.IsNullOrEmpty(otlp) && exporters is null)
        {
            return services;
        }

        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // Every Swarm.* meter: the providers' (ProviderMetrics), the API's requests and the tasks submitted, as GET /metrics reads them.
            metrics.AddMeter(ProviderMetrics.MeterName, "Swarm.*");
            if (!string.IsNullOrEmpty(azureMonitor))
            {
                metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
            }

            if (!string.IsNullOrEmpty(otlp))
            {
                metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            }

            exporters?.Invoke(metrics);
        });
        return services;
    }
}
