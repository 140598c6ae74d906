using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>The spec's <c>.env</c> names and the settings the issue found ignored, on the real host: each one works.</summary>
public sealed class SpecSettingsTests
{
    [Fact]
    public async Task LOG_LEVEL_sets_the_hosts_minimum_log_level()
    {
        await using var quiet = await LocalHostProcess.StartAsync(("LOG_LEVEL", "error"));

        using var refused = await SendWithBadCredentialAsync(quiet);
        await Task.Delay(TimeSpan.FromSeconds(1));

        // A refused credential is logged as a warning, which "error" leaves out.
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("rejected: not authenticated", quiet.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task System_logLevel_warning_keeps_the_warnings()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__logLevel", "warn"));

        using var refused = await SendWithBadCredentialAsync(host);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("rejected: not authenticated", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task API_PORT_is_the_port_the_local_host_serves_its_REST_API_on()
    {
        var port = Swarm.Tests.FreePorts.Next();

        await using var host = await LocalHostProcess.StartAsync(("API_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var health = await host.Http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(port, host.HttpPort);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Learning_patterns_enabled_false_recalls_nothing_and_leaves_no_fingerprint()
    {
        await using var host = await LocalHostProcess.StartAsync(("learning__patterns__enabled", "false"));

        var id = await TaskPolling.SubmitAsync(host, "Write a SQL query");
        var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        var second = await TaskPolling.WaitUntilFinishedAsync(host, await TaskPolling.SubmitAsync(host, "Write a SQL query"), TimeSpan.FromSeconds(60));

        // A fingerprint signalled at the first task's end would have reached its shard while the second task ran.
        Assert.Equal("completed", second.GetProperty("status").GetString());
        Assert.Empty(PatternTests.Timeline(task, "recall"));
        Assert.Null(await Entities.ReadAsync<System.Text.Json.Nodes.JsonObject>(host, "taskatlas", "general"));
    }

    [Fact]
    public async Task The_learning_settings_reach_the_dispatch_board_and_the_system_state()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("learning__algorithm", "Thompson"), ("learning__learningRate", "0.2"), ("learning__explorationRate", "0.25"));

        // The learning pass runs at startup and tells the board; nothing else configures it.
        var board = await Entities.WaitForAsync<Swarm.Domain.Distribution.DispatchBoard>(host, "dispatcher", "swarm", b => b?.Policy is not null);
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/system/state", role: "viewer"));
        var learning = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("learning");

        Assert.Equal(new Swarm.Domain.Learning.LearningPolicy(Swarm.Domain.Learning.RoutingAlgorithm.Thompson, 0.2, 0.25, true), board!.Policy);
        Assert.Equal(
            ("thompson", 0.2, 0.25, true, true),
            (learning.GetProperty("algorithm").GetString(), learning.GetProperty("learningRate").GetDouble(), learning.GetProperty("explorationRate").GetDouble(),
                learning.GetProperty("enabled").GetBoolean(), learning.GetProperty("configured").GetBoolean()));
    }

    static async Task<HttpResponseMessage> SendWithBadCredentialAsync(LocalHostProcess host)
    {
        using var request = host.Request(HttpMethod.Get, "/api/v1/tasks", role: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        return await host.Http.SendAsync(request);
    }
}
