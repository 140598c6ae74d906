using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// <c>GET /metrics</c> on the built local host, read back with parse-prometheus-text-format (Node), a parser independent
/// of the swarm's writer: a scrape after a task names the spec's families with values that moved by what the task did.
/// </summary>
public sealed partial class PrometheusMetricsTests
{
    [Fact]
    public async Task A_scrape_after_a_task_parses_and_shows_the_task_its_model_call_and_its_requests()
    {
        await using var host = await LocalHostProcess.StartAsync();
        var before = await ScrapeAsync(host);

        var id = await TaskPolling.SubmitAsync(host, "something to measure");
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        var (text, after) = await ScrapeWithTextAsync(host);

        Assert.Equal(1, Total(after, "swarm_tasks_submitted_total") - Total(before, "swarm_tasks_submitted_total"));
        Assert.Equal(1, Value(after, "swarm_api_requests_total", ("route", "SubmitTask"), ("method", "POST"), ("status", "202")));
        Assert.True(Value(after, "swarm_api_requests_total", ("route", "GetTask"), ("method", "GET"), ("status", "200")) >= 1);
        Assert.True(Value(after, "swarm_provider_calls_total", ("provider", "simulated"), ("outcome", "success")) >= 1);
        Assert.True(Value(after, "swarm_provider_tokens_total", ("provider", "simulated"), ("direction", "output")) >= 1);

        // The parser keeps one histogram's buckets; the per-route count is read from the text it accepted.
        var latency = Family(after, "swarm_api_request_duration_seconds");
        Assert.Equal("HISTOGRAM", latency.GetProperty("type").GetString());
        Assert.True(latency.GetProperty("metrics")[0].GetProperty("buckets").TryGetProperty("+Inf", out _));
        Assert.Equal("HISTOGRAM", Family(after, "swarm_provider_duration_seconds").GetProperty("type").GetString());
        Assert.Equal(1, double.Parse(SubmitLatencyCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture));

        Assert.True(Value(after, "swarm_agents_by_type", ("type", "queen")) >= 1);
        Assert.True(Samples(after, "swarm_agents").Sum(s => double.Parse(s.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)) >= 1);
        Assert.Equal(1, Total(after, "swarm_tasks_counts_complete"));
        Assert.Equal("GAUGE", Family(after, "swarm_dispatcher_seats").GetProperty("type").GetString());
        Assert.True(Value(after, "swarm_dispatcher_seats", ("state", "total")) >= 1);
        Assert.Equal(0, Total(after, "swarm_dispatcher_waiting"));
        Assert.True(Total(after, "swarm_realtime_events_out_total") >= 0);
        Assert.True(Total(after, "swarm_learning_decisions_total") >= 1);
        Assert.True(Value(after, "swarm_patterns_fingerprints", ("outcome", "completed")) >= 1);
        foreach (var family in new[] { "swarm_consensus_proposals", "swarm_consensus_success_ratio", "swarm_memory_namespaces", "swarm_memory_entries", "swarm_realtime_connections_open", "swarm_provider_breaker_open", "swarm_tasks_oldest_queued_seconds", "swarm_dispatcher_oldest_wait_seconds" })
        {
            Family(after, family);
        }
    }

    [Fact]
    public async Task Scraping_needs_metrics_read_and_only_refusals_are_audited()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var anonymous = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/metrics", role: null));
        using var viewer = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/metrics", role: "viewer"));
        using var scraper = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/metrics", role: "operator"));
        using var audit = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/audit?action=Metrics"));
        var records = (await audit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal("application/problem+json", viewer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, scraper.StatusCode);
        Assert.Equal("text/plain", scraper.Content.Headers.ContentType?.MediaType);
        Assert.Contains(scraper.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");

        // The 403 is recorded like any route's refusal; the successful scrape leaves nothing.
        Assert.Equal([403], records.Select(r => r.GetProperty("status").GetInt32()).ToList());
    }

    static async Task<JsonElement> ScrapeAsync(LocalHostProcess host) => (await ScrapeWithTextAsync(host)).Families;

    static async Task<(string Text, JsonElement Families)> ScrapeWithTextAsync(LocalHostProcess host)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/metrics"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}: {text}");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, text);
            return (text, JsonDocument.Parse(await NodeScript.RunAsync("parse-prometheus.mjs", file)).RootElement);
        }
        finally
        {
            File.Delete(file);
        }
    }

    static JsonElement Family(JsonElement families, string name) =>
        families.EnumerateArray().SingleOrDefault(f => f.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } family
            ? family
            : throw new Xunit.Sdk.XunitException($"No family {name} in: {string.Join(", ", families.EnumerateArray().Select(f => f.GetProperty("name").GetString()))}");

    static IEnumerable<JsonElement> Samples(JsonElement families, string name) =>
        families.EnumerateArray().Where(f => f.GetProperty("name").GetString() == name).SelectMany(f => f.GetProperty("metrics").EnumerateArray());

    /// <summary>The sum of a family's samples; 0 when the family is not there yet (a counter nothing has moved).</summary>
    static double Total(JsonElement families, string name) =>
        Samples(families, name).Sum(s => double.Parse(s.GetProperty("value").GetString()!, CultureInfo.InvariantCulture));

    static double Value(JsonElement families, string name, params (string Name, string Value)[] labels)
    {
        var sample = Samples(families, name).SingleOrDefault(s => labels.All(l => s.TryGetProperty("labels", out var found) && found.TryGetProperty(l.Name, out var v) && v.GetString() == l.Value));
        return sample.ValueKind == JsonValueKind.Object
            ? double.Parse(sample.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException($"No {name} sample with {string.Join(", ", labels)}");
    }

    [GeneratedRegex("""^swarm_api_request_duration_seconds_count\{method="POST",route="SubmitTask"\} (\S+)$""", RegexOptions.Multiline)]
    private static partial Regex SubmitLatencyCount();
}
