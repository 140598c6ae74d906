using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The host's logs as an operator reads them: the spec's LOG_LEVEL at info, .NET's JSON console formatter, events by
/// category and id, and no prompt text at Information or above.
/// </summary>
public sealed class LogOutputTests
{
    [Fact]
    public async Task Info_logs_in_json_carry_task_events_by_category_and_never_the_prompt()
    {
        var prompt = "a prompt that must stay out of the logs " + Guid.NewGuid().ToString("N");
        await using var host = await LocalHostProcess.StartAsync(("LOG_LEVEL", "info"), ("Logging__Console__FormatterName", "json"));

        var id = await TaskPolling.SubmitAsync(host, prompt);
        await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        using var refused = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/metrics", role: "viewer"));
        await Task.Delay(500); // the console logger writes on its own thread

        var output = host.Output;
        var events = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.DoesNotContain(prompt, output, StringComparison.Ordinal);
        Assert.DoesNotContain(prompt[..40], output, StringComparison.Ordinal);
        Assert.Contains(events, e => e.GetProperty("EventId").GetInt32() == 1106 && e.GetProperty("Category").GetString() == "Swarm.Tasks" && e.GetProperty("LogLevel").GetString() == "Information");
        Assert.Contains(events, e => e.GetProperty("EventId").GetInt32() == 1404 && e.GetProperty("Category").GetString() == "Swarm.Security");
        Assert.DoesNotContain(events, e => e.GetProperty("LogLevel").GetString() == "Debug");
    }
}
