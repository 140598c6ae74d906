using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Tests;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tests.Realtime;

/// <summary>The orchestration the dispatch board starts when an agent goes unhealthy, on the in-process Durable Task runtime.</summary>
public sealed class AgentHealthNoticeTests
{
    [Fact]
    public async Task The_boards_word_that_an_agent_went_unhealthy_reaches_the_operators()
    {
        var channel = new RecordingRealtimeChannel();
        await using var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator<AgentHealthNoticeOrchestrator>();
                tasks.AddActivity<PublishRealtimeActivity>();
            },
            new DurableTaskTestHostOptions { Port = FreePorts.Next(), ConfigureServices = services => services.AddSingleton<IRealtimeChannel>(channel) });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(AgentHealthNoticeOrchestrator), RealtimeEvents.AgentHealth("a1", healthy: false, "3 failed steps in a row", DateTimeOffset.UnixEpoch), timeout.Token);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var (type, data) = Assert.Single(channel.To(RealtimeAudience.Group(RealtimeGroups.Operators)));
        Assert.Equal((RealtimeEvents.AgentHealthChanged, "a1", "unhealthy"), (type, data.GetProperty("agentId").GetString(), data.GetProperty("status").GetString()));
    }
}
