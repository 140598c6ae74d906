using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Self-healing frees seats that a task ended without its release still holds (a crash between ending and releasing),
/// but not before the task ended <c>selfHealing:graceSeconds</c> ago: the task's own release, with the step's outcome,
/// may be on its way until then.
/// </summary>
public sealed class OrphanSeatTests
{
    const int GraceSeconds = 6;

    [Fact]
    public async Task Seats_of_a_task_ended_without_its_release_are_freed_by_self_healing_once_its_grace_is_over()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__profiles__slow__latencyMs", "30000"),
            ("SelfHealingSchedule", "*/1 * * * * *"),
            ("selfHealing__graceSeconds", GraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await TaskSubmissions.CreateAgentAsync(host, "solo-1", "specialist", ["solo"], seats: 1, model: "slow");
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "hold the seat", capabilities = new[] { "solo" } });
        await TaskSubmissions.WaitForTaskAsync(host, id, t => t.GetProperty("status").GetString() == "running");

        // Ended the way a crash after termination would leave it: terminated, and nothing released.
        var ending = System.Diagnostics.Stopwatch.StartNew();
        await host.DurableClient().TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "ended without release" });

        // Passes run every second, so without the grace the seat would be free within a second or two of the end.
        await TaskPolling.WaitForAgentAsync(host, "solo-1", a => a.GetProperty("load").GetInt32() == 0);
        Assert.True(ending.Elapsed >= TimeSpan.FromSeconds(GraceSeconds), $"the seat was freed {ending.Elapsed.TotalSeconds:0.0} s after its task ended, within the {GraceSeconds} s grace");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var listing = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/tasks", role: "operator"));
            var dispatcher = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queue").GetProperty("dispatcher");
            if (dispatcher.GetProperty("seatsInUse").GetInt32() == 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The dispatcher still holds the seat: {dispatcher}");
            await Task.Delay(250);
        }

        var next = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "the seat is free again", capabilities = new[] { "solo" } });
        await TaskSubmissions.WaitForTaskAsync(host, next, t => t.GetProperty("status").GetString() == "running");
    }
}
