using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using Swarm.Adapters.Telemetry;
using Swarm.Domain.Agents;
using Swarm.Hosting;
using Swarm.Providers;
using Swarm.Tests;

namespace Swarm.Adapters.Tests.Telemetry;

public sealed class SwarmTelemetryTests
{
    [Fact]
    public async Task Provider_calls_reach_an_exporter_through_the_hosts_telemetry_wiring()
    {
        var exported = new List<Metric>();
        // A reader collected by hand, on this thread: no exporter thread, no export interval, no flush to wait for.
        using var reader = new BaseExportingMetricReader(new InMemoryExporter<Metric>(exported));
        var services = new ServiceCollection().AddLogging().AddSwarm(TestSettings.Load());
        services.AddSwarmTelemetry(TestSettings.Configuration(), metrics => metrics.AddReader(reader));
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<MeterProvider>();
        var catalog = provider.GetRequiredService<ProviderCatalog>();

        await catalog.GetClient(new ProviderSettings("simulated", "sim")).GetResponseAsync("one two three");
        Assert.True(reader.Collect(timeoutMilliseconds: 10_000), "the metric reader did not collect within 10 s");

        var tokens = exported.Single(m => m.Name == "swarm.provider.tokens");
        long input = 0;
        foreach (ref readonly var point in tokens.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                if (tag is { Key: "direction", Value: "input" })
                {
                    input += point.GetSumLong();
                }
            }
        }

        Assert.Equal(3, input);
        Assert.Contains(exported, m => m.Name == "swarm.provider.calls");
    }

    [Fact]
    public void Without_an_exporter_setting_nothing_is_collected()
    {
        var services = new ServiceCollection().AddSwarmTelemetry(TestSettings.Configuration());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(MeterProvider));
    }
}
