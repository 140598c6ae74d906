using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Providers.Accounting;
using Swarm.Providers.Tests.Fakes;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

/// <summary>What every provider call gets (retries, Retry-After, breaker, fallback, timeouts, limits), shown with real SDKs over HTTP.</summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    FakeVendorServer server = null!;

    public async Task InitializeAsync() => server = await FakeVendorServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    static ProviderSettings OpenAi => new("openai", "m-priced");

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task A_401_is_rejected_at_once_without_retries_and_without_the_key_in_the_message(string type)
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Status(401));

        var error = await Assert.ThrowsAsync<ModelCallRejectedException>(() => catalog.GetClient(new ProviderSettings(type, "m")).GetResponseAsync("x"));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{type}:m", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderStack.OpenAiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderStack.ClaudeKey, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task A_429_is_retried_after_the_pause_its_Retry_After_asks_for(string type)
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(1)), FakeReply.Text("after the pause"));
        var clock = Stopwatch.StartNew();

        var response = await catalog.GetClient(new ProviderSettings(type, "m")).GetResponseAsync("x");

        Assert.Equal("after the pause", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.ElapsedMilliseconds} ms; Retry-After asked for 1 s");
    }

    [Fact]
    public async Task A_429_asking_for_a_longer_pause_than_allowed_is_left_to_a_later_retry()
    {
        var settings = ProviderStack.Settings(server);
        settings.OpenAi.MaxRetryAfterSeconds = 5;
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(60)));

        var error = await Assert.ThrowsAsync<ModelCallFailedException>(() => catalog.GetClient(OpenAi).GetResponseAsync("x"));

        Assert.IsNotType<ModelCallRejectedException>(error);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task A_500_is_retried_with_backoff_then_fails_as_a_fault_that_may_pass(string type)
    {
        var settings = ProviderStack.Settings(server);
        settings.For(type)!.MaxRetries = 2;
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Status(500), FakeReply.Status(500), FakeReply.Status(500), FakeReply.Text("not reached"));

        var error = await Assert.ThrowsAsync<ModelCallFailedException>(() => catalog.GetClient(new ProviderSettings(type, "m")).GetResponseAsync("x"));

        Assert.IsNotType<ModelCallRejectedException>(error);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_hung_call_is_cut_at_the_attempt_timeout_and_the_retry_answers()
    {
        var settings = ProviderStack.Settings(server);
        settings.Claude.AttemptTimeoutSeconds = 1;
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Hang(), FakeReply.Text("second attempt"));
        var clock = Stopwatch.StartNew();

        var response = await catalog.GetClient(new ProviderSettings("claude", "m")).GetResponseAsync("x");

        Assert.Equal("second attempt", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task A_call_that_hangs_on_every_attempt_fails_saying_it_timed_out(string type)
    {
        var settings = ProviderStack.Settings(server);
        settings.For(type)!.AttemptTimeoutSeconds = 1;
        settings.For(type)!.MaxRetries = 0;
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Hang());

        var error = await Assert.ThrowsAsync<ModelCallFailedException>(() => catalog.GetClient(new ProviderSettings(type, "m")).GetResponseAsync("x"));

        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_sends_nothing_while_open_and_closes_after_a_good_trial()
    {
        var settings = ProviderStack.Settings(server);
        settings.OpenAi.MaxRetries = 0;
        settings.OpenAi.Breaker.MinimumThroughput = 2;
        settings.OpenAi.Breaker.BreakSeconds = 1;
        using var catalog = ProviderStack.Catalog(settings);
        var client = catalog.GetClient(OpenAi);
        server.Enqueue(FakeReply.Status(503), FakeReply.Status(503));

        await Assert.ThrowsAsync<ModelCallFailedException>(() => client.GetResponseAsync("1"));
        await Assert.ThrowsAsync<ModelCallFailedException>(() => client.GetResponseAsync("2"));
        var refused = await Assert.ThrowsAsync<ModelCallFailedException>(() => client.GetResponseAsync("3"));

        Assert.Contains("circuit is open", refused.Message, StringComparison.Ordinal);
        Assert.Contains("(the last: HTTP 503", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("open", BreakerOf(catalog, "openai"));

        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        var trial = await client.GetResponseAsync("4");

        Assert.Equal("ok", trial.Text);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal("closed", BreakerOf(catalog, "openai"));
    }

    [Fact]
    public async Task A_failing_provider_falls_back_to_the_next_configured_one_and_the_answer_says_so()
    {
        var settings = ProviderStack.Settings(server);
        settings.OpenAi.MaxRetries = 1;
        settings.OpenAi.Fallback = ["claude:m-priced"];
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Status(503), FakeReply.Status(503), FakeReply.Text("Claude answered", 100, 10));

        var response = await catalog.GetClient(OpenAi).GetResponseAsync("x");

        Assert.Equal("Claude answered", response.Text);
        Assert.Equal("claude", ModelCallReceipt.Of(response)?.Provider);
        Assert.Equal(((100 * 3m) + (10 * 15m)) / 1_000_000m, ModelCallReceipt.Of(response)?.CostUsd);
        var from = Assert.Single(ModelCallReceipt.Of(response)!.FallbackFrom!);
        Assert.Contains("openai:m-priced", from, StringComparison.Ordinal);
        Assert.Equal(["/v1/chat/completions", "/v1/chat/completions", "/v1/messages"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_primary_that_hangs_through_its_retries_still_leaves_the_fallback_its_share_of_the_call()
    {
        var settings = ProviderStack.Settings(server);
        settings.CallTimeoutSeconds = 4;
        settings.OpenAi.AttemptTimeoutSeconds = 3;
        settings.OpenAi.Fallback = ["claude:m"];
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Hang(), FakeReply.Text("the fallback answered"));
        var clock = Stopwatch.StartNew();

        var response = await catalog.GetClient(OpenAi).GetResponseAsync("x");

        Assert.Equal("the fallback answered", response.Text);
        Assert.Equal("claude", ModelCallReceipt.Of(response)?.Provider);
        Assert.Contains("share of the call", ModelCallReceipt.Of(response)!.FallbackFrom![0], StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Keys_and_header_values_a_vendor_echoes_are_blanked_out_of_the_error()
    {
        const string gatewayKey = "gw-secret-0123456789abcdef";
        var settings = ProviderStack.Settings(server);
        settings.Custom.Headers["X-Gateway-Key"] = gatewayKey;
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Status(400, message: $"Invalid key {ProviderStack.CustomKey} with gateway key {gatewayKey}"));

        var error = await Assert.ThrowsAsync<ModelCallRejectedException>(() => catalog.GetClient(new ProviderSettings("custom", "m")).GetResponseAsync("x"));

        Assert.Contains("Invalid key [redacted] with gateway key [redacted]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(gatewayKey, JsonSerializer.Serialize(catalog.Report()), StringComparison.Ordinal);
        Assert.Equal(gatewayKey, server.Requests.Single().Headers["x-gateway-key"]);
    }

    [Fact]
    public async Task A_stream_is_retried_on_a_429_before_its_first_chunk()
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(1)), FakeReply.Text("streamed after the pause"));

        var text = string.Concat((await catalog.GetClient(new ProviderSettings("claude", "m")).GetStreamingResponseAsync("x").ToListAsync()).Select(u => u.Text));

        Assert.Equal("streamed after the pause", text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task When_every_route_fails_the_error_names_each_reason()
    {
        var settings = ProviderStack.Settings(server);
        settings.OpenAi.Fallback = ["claude:m"];
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Status(401), FakeReply.Status(403));

        var error = await Assert.ThrowsAsync<ModelCallRejectedException>(() => catalog.GetClient(OpenAi).GetResponseAsync("x"));

        Assert.Contains("openai:m-priced: HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("claude:m: HTTP 403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_beyond_the_concurrency_limit_wait_in_line_instead_of_reaching_the_vendor()
    {
        var settings = ProviderStack.Settings(server);
        settings.OpenAi.MaxConcurrency = 1;
        settings.OpenAi.MaxRetries = 0;
        settings.OpenAi.AttemptTimeoutSeconds = 2;
        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Hang(), FakeReply.Text("second"));
        var client = catalog.GetClient(OpenAi);

        var first = client.GetResponseAsync("first");
        var second = client.GetResponseAsync("second");
        await Task.Delay(TimeSpan.FromMilliseconds(800));

        Assert.Single(server.Requests);
        Assert.Equal(1, catalog.Report().Single(p => p.Type == "openai").Queued);
        await Assert.ThrowsAsync<ModelCallFailedException>(() => first);
        Assert.Equal("second", (await second).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("openai", "OPENAI_API_KEY")]
    [InlineData("qwen", "QWEN_API_KEY")]
    [InlineData("claude", "CLAUDE_API_KEY")]
    [InlineData("custom", "providers:custom:baseUrl")]
    public void A_provider_configured_without_its_key_fails_naming_the_missing_setting(string type, string setting)
    {
        using var catalog = ProviderStack.Catalog(new Configuration.ProvidersSettings());

        var error = Assert.Throws<ProviderNotConfiguredException>(() => catalog.GetClient(new ProviderSettings(type, "m")));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        var report = catalog.Report().Single(p => p.Type == type);
        Assert.False(report.Configured);
        Assert.Contains(setting, report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_type_is_refused_by_name()
    {
        using var catalog = ProviderStack.Catalog(new Configuration.ProvidersSettings());

        var error = Assert.Throws<ProviderNotConfiguredException>(() => catalog.GetClient(new ProviderSettings("gpt-magic", "m")));

        Assert.Contains("Unknown provider type 'gpt-magic'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_shows_each_route_and_never_a_key()
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Status(400));
        await Assert.ThrowsAsync<ModelCallRejectedException>(() => catalog.GetClient(OpenAi).GetResponseAsync("x"));
        await catalog.GetClient(new ProviderSettings("claude", "m")).GetResponseAsync("y");

        var report = catalog.Report();
        var json = JsonSerializer.Serialize(report);

        var openAi = report.Single(p => p.Type == "openai");
        Assert.True(openAi.Configured);
        var route = Assert.Single(openAi.Models);
        Assert.Equal((1, 1, "closed"), (route.Calls, route.Failures, route.Breaker));
        Assert.Contains("HTTP 400", route.LastFailure, StringComparison.Ordinal);
        var claude = Assert.Single(report.Single(p => p.Type == "claude").Models);
        Assert.Equal((1, 0, 11, 7), (claude.Calls, claude.Failures, claude.InputTokens, claude.OutputTokens));
        foreach (var key in new[] { ProviderStack.OpenAiKey, ProviderStack.QwenKey, ProviderStack.ClaudeKey, ProviderStack.CustomKey })
        {
            Assert.DoesNotContain(key, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_count_calls_tokens_and_cost_per_provider_and_model()
    {
        using var metrics = new ProviderMetrics();
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server), metrics);
        var measured = new List<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == metrics.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (measured)
            {
                measured.Add((instrument.Name, value, text));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        server.Enqueue(FakeReply.Text("a", 1000, 100), FakeReply.Status(400));

        await catalog.GetClient(OpenAi).GetResponseAsync("x");
        await Assert.ThrowsAsync<ModelCallRejectedException>(() => catalog.GetClient(OpenAi).GetResponseAsync("y"));

        Assert.Contains(("swarm.provider.tokens", 1000d, "provider=openai,model=m-priced,direction=input"), measured);
        Assert.Contains(("swarm.provider.tokens", 100d, "provider=openai,model=m-priced,direction=output"), measured);
        Assert.Contains(measured, m => m.Instrument == "swarm.provider.cost" && Math.Abs(m.Value - 0.0045) < 1e-9);
        Assert.Contains(("swarm.provider.calls", 1d, "provider=openai,model=m-priced,outcome=success"), measured);
        Assert.Contains(("swarm.provider.calls", 1d, "provider=openai,model=m-priced,outcome=failure"), measured);
    }

    static string BreakerOf(ProviderCatalog catalog, string type) => catalog.Report().Single(p => p.Type == type).Models.Single().Breaker;
}
