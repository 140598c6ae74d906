using System.Diagnostics.Metrics;
using Swarm.Api.Endpoints.Operations.Prometheus;

namespace Swarm.Api.Tests.Metrics;

/// <summary>The text format's rules the writer owns (escaping, one family once) and how instruments become families.</summary>
public sealed class PrometheusTextTests
{
    [Fact]
    public void Label_values_and_help_are_escaped_as_the_format_asks()
    {
        var text = new PrometheusText()
            .Family("swarm_x", "gauge", "a \\ help\nline")
            .Sample("swarm_x", 1.5, ("who", "a \"quoted\" \\ name\nnext"))
            .ToString();

        Assert.Equal("# HELP swarm_x a \\\\ help\\nline\n# TYPE swarm_x gauge\nswarm_x{who=\"a \\\"quoted\\\" \\\\ name\\nnext\"} 1.5\n", text);
    }

    [Fact]
    public void A_family_written_twice_is_refused()
    {
        var text = new PrometheusText().Family("swarm_x", "gauge", "x");

        Assert.Throws<InvalidOperationException>(() => text.Family("swarm_x", "gauge", "again"));
    }

    [Fact]
    public void Counters_end_in_total_and_millisecond_histograms_become_cumulative_seconds()
    {
        using var readings = new MeterReadings();
        using var meter = new Meter("Swarm.Test." + Guid.NewGuid().ToString("N"));
        var name = meter.Name.ToLowerInvariant();
        var calls = meter.CreateCounter<long>(name + ".calls", description: "Calls.");
        var duration = meter.CreateHistogram<double>(name + ".duration", "ms", "Time.");
        calls.Add(2, new KeyValuePair<string, object?>("outcome", "ok"));
        calls.Add(3, new KeyValuePair<string, object?>("outcome", "ok"));
        duration.Record(7, new KeyValuePair<string, object?>("route", "R"));
        duration.Record(700, new KeyValuePair<string, object?>("route", "R"));

        var text = new PrometheusText();
        MeterFamilies.Write(text, [.. readings.Read().Where(r => r.Name.StartsWith(name, StringComparison.Ordinal))]);
        var lines = text.ToString().Split('\n');
        var prefix = PrometheusText.Name(name);

        Assert.Contains($"# TYPE {prefix}_calls_total counter", lines);
        Assert.Contains($"{prefix}_calls_total{{outcome=\"ok\"}} 5", lines);
        Assert.Contains($"# TYPE {prefix}_duration_seconds histogram", lines);
        Assert.Contains($"{prefix}_duration_seconds_bucket{{route=\"R\",le=\"0.005\"}} 0", lines);
        Assert.Contains($"{prefix}_duration_seconds_bucket{{route=\"R\",le=\"0.01\"}} 1", lines);
        Assert.Contains($"{prefix}_duration_seconds_bucket{{route=\"R\",le=\"1\"}} 2", lines);
        Assert.Contains($"{prefix}_duration_seconds_bucket{{route=\"R\",le=\"+Inf\"}} 2", lines);
        Assert.Contains($"{prefix}_duration_seconds_sum{{route=\"R\"}} 0.707", lines);
        Assert.Contains($"{prefix}_duration_seconds_count{{route=\"R\"}} 2", lines);
    }
}
