using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace Swarm.LocalHost.Tests;

/// <summary>Self-healing frees seats that a task ended without its release still holds (a crash between ending and releasing).</summary>
public sealed class OrphanSeatTests
{
    [Fact]
    public async Task Seats_of_a_task_ended_without_its_release_are_freed_by_self_healing()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__profiles__slow__latencyMs", "30000"),
            ("SelfHealingSchedule", "*/1 * * * * *"));
        await TaskSubmissions.CreateAgentAsync(host, "solo-1", "specialist", ["solo"], seats: 1, model: "slow");
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "hold the seat", capabilities = new[] { "solo" } });
        await TaskSubmissions.WaitForTaskAsync(host, id, t => t.GetProperty("status").GetString() == "running");

        // Ended the way a crash after termination would leave it: terminated, and nothing released.
        await host.DurableClient().TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "ended without release" });

        await TaskPolling.WaitForAgentAsync(host, "solo-1", a => a.GetProperty("load").GetInt32() == 0);
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
