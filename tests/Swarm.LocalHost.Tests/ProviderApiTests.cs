using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Providers.Tests.Fakes;
using Swarm.Workflows.Models;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The whole local host (durable runtime on Azurite) calling a vendor model through the OpenAI SDK, against a server
/// that speaks the vendor's wire format: what a task and its agent are charged, how a rejected call fails, and what
/// the provider report shows.
/// </summary>
public sealed class ProviderApiTests(ProviderApiTests.Host host) : IClassFixture<ProviderApiTests.Host>
{
    const string OpenAiKey = "sk-local-host-test-0123456789abcdef";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class Host : IAsyncLifetime
    {
        public FakeVendorServer Vendor { get; private set; } = null!;

        /// <summary>A loopback port nobody listens on: the <c>custom</c> provider's base URL points there, so it refuses connections.</summary>
        public int RefusingPort { get; } = Swarm.Tests.FreePorts.Next();

        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Vendor = await FakeVendorServer.StartAsync();
            Process = await LocalHostProcess.StartAsync(
                ("OPENAI_API_KEY", OpenAiKey),
                ("providers__openai__baseUrl", new Uri(Vendor.BaseUri, "v1/").ToString()),
                ("providers__openai__maxRetries", "0"),
                ("providers__custom__baseUrl", $"http://127.0.0.1:{RefusingPort}/v1/"),
                ("providers__custom__retryDelayMs", "10"),
                ("providers__openai__prices__m-priced__inputPerMillionTokens", "2.5"),
                ("providers__openai__prices__m-priced__outputPerMillionTokens", "10"),
                ("defaultAgent__provider", "openai"),
                ("defaultAgent__model", "m-priced"),
                ("Logging__LogLevel__Default", "Information"));
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            await Vendor.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_task_on_a_vendor_model_carries_its_tokens_and_cost_and_so_does_its_agent()
    {
        await TaskPolling.WaitForAgentAsync(host.Process, "queen-1");
        var before = await TaskPolling.WaitForAgentAsync(host.Process, "queen-1");
        host.Vendor.Enqueue(FakeReply.Text("Durable workflows survive restarts.", inputTokens: 2000, outputTokens: 500));

        var id = await TaskPolling.SubmitAsync(host.Process, "Why durable workflows?");
        var task = await TaskPolling.WaitUntilFinishedAsync(host.Process, id, Patience);

        Assert.Equal("completed", task.GetProperty("status").GetString());
        var result = task.GetProperty("result");
        Assert.Equal("Durable workflows survive restarts.", result.GetProperty("text").GetString());
        Assert.Equal("openai", result.GetProperty("provider").GetString());
        Assert.False(result.GetProperty("simulated").GetBoolean());
        Assert.Equal(2000, result.GetProperty("inputTokens").GetInt64());
        Assert.Equal(500, result.GetProperty("outputTokens").GetInt64());
        var cost = ((2000 * 2.5m) + (500 * 10m)) / 1_000_000m;
        Assert.Equal(cost, result.GetProperty("costUsd").GetDecimal());
        Assert.Contains("Why durable workflows?", host.Vendor.Requests[^1].Body, StringComparison.Ordinal);

        var agent = await TaskPolling.WaitForAgentAsync(host.Process, "queen-1", a => a.GetProperty("completed").GetInt64() > before.GetProperty("completed").GetInt64());
        Assert.Equal(before.GetProperty("inputTokens").GetInt64() + 2000, agent.GetProperty("inputTokens").GetInt64());
        Assert.Equal(before.GetProperty("costUsd").GetDecimal() + cost, agent.GetProperty("costUsd").GetDecimal());
        Assert.DoesNotContain(OpenAiKey, host.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_the_vendor_rejects_fails_the_task_at_once_with_the_vendor_reason()
    {
        var requestsBefore = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(FakeReply.Status(401));

        var id = await TaskPolling.SubmitAsync(host.Process, "This key is wrong");
        var task = await TaskPolling.WaitUntilFinishedAsync(host.Process, id, Patience);

        Assert.Equal("failed", task.GetProperty("status").GetString());
        var error = task.GetProperty("error");
        // The only agent failed the step and no other fits, so the task fails with that agent's reason.
        Assert.Equal("StepFailed", error.GetProperty("type").GetString());
        Assert.Contains("queen-1: ModelCallRejectedException: openai:m-priced: HTTP 401", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(OpenAiKey, error.GetRawText(), StringComparison.Ordinal);

        // Not retried durably: a rejected call would fail the same way again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(requestsBefore + 1, host.Vendor.Requests.Count);
    }

    [Fact]
    public async Task A_provider_that_refuses_connections_is_named_as_the_cause_in_the_task_the_report_and_the_log_after_its_breaker_opens()
    {
        await TaskSubmissions.CreateAgentAsync(host.Process, new
        {
            id = "unreachable-1",
            name = "unreachable-1",
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "unreachable" }, priority = 5 },
            provider = new { type = "custom", model = "m-down" },
            maxConcurrency = 2,
        });
        var cause = $"Connection refused (127.0.0.1:{host.RefusingPort})";

        var id = await TaskSubmissions.SubmitAcceptedAsync(host.Process, new { prompt = "Call a server that is not there", capabilities = new[] { "unreachable" } });
        var task = await TaskPolling.WaitUntilFinishedAsync(host.Process, id, Patience);

        // The durable attempts after the first met an open breaker: the error says so and still names the real cause.
        Assert.Equal("failed", task.GetProperty("status").GetString());
        var message = task.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("circuit is open", message, StringComparison.Ordinal);
        Assert.Contains(cause, message, StringComparison.Ordinal);

        using var providers = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, "/api/v1/providers"));
        var custom = (await providers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "custom");
        var route = custom.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "m-down");
        Assert.Equal("open", route.GetProperty("breaker").GetString());
        Assert.Contains(cause, route.GetProperty("lastFailure").GetString(), StringComparison.Ordinal);

        var logged = host.Process.Output.Split(Environment.NewLine);
        Assert.Contains(logged, line => line.Contains("custom:m-down", StringComparison.Ordinal) && line.Contains("breaker opened", StringComparison.Ordinal) && line.Contains(cause, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_provider_report_needs_a_token_shows_what_is_configured_and_never_a_key()
    {
        using var anonymous = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, "/api/v1/providers", role: null));
        using var viewer = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, "/api/v1/providers", role: "viewer"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        var text = await viewer.Content.ReadAsStringAsync();
        Assert.DoesNotContain(OpenAiKey, text, StringComparison.Ordinal);
        var providers = JsonDocument.Parse(text).RootElement.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("type").GetString()!);
        Assert.Equal(["qwen", "openai", "claude", "local", "custom", "simulated"], providers.Keys);
        Assert.True(providers["openai"].GetProperty("configured").GetBoolean());
        Assert.Equal(["m-priced"], providers["openai"].GetProperty("pricedModels").EnumerateArray().Select(m => m.GetString()));
        Assert.False(providers["claude"].GetProperty("configured").GetBoolean());
        Assert.Contains("CLAUDE_API_KEY", providers["claude"].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.True(providers["simulated"].GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task An_agent_naming_a_provider_without_its_key_is_refused_naming_the_setting()
    {
        var body = JsonSerializer.Serialize(new { name = "Claude writer", type = "worker", provider = new { type = "claude", model = "claude-sonnet-4-5" } });

        using var response = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Post, "/api/v1/agents", json: body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("provider.type", error.GetProperty("field").GetString());
        Assert.Contains("CLAUDE_API_KEY", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
