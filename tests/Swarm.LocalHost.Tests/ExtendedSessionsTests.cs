using Swarm.Domain.Distribution;
using Swarm.Providers.Simulated;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// <c>durable:extendedSessions</c>: the backend keeps an orchestration's session open between its batches. Entities
/// run without one (<c>EntitySessionsOff</c>): within an entity's extended session DurableTask.Core passes the state
/// only with the first batch, and the SDK's entity shim ran every later batch on an empty state, so the board forgot
/// its agents and the first task never got a seat.
/// </summary>
public sealed class ExtendedSessionsTests
{
    [Fact]
    public async Task With_extended_sessions_on_the_board_keeps_every_agent_and_tasks_complete()
    {
        await using var host = await LocalHostProcess.StartAsync(("durable__extendedSessions", "true"));
        string[] agents = ["queen-1", "ext-a", "ext-b"];
        await BoardAgents.OnBoardAsync(host, "queen-1");

        // Each registration is a later batch of the board's session (seconds apart, well within its idle timeout).
        foreach (var agent in agents[1..])
        {
            await TaskSubmissions.CreateAgentAsync(host, agent, "specialist", ["general"]);
            await BoardAgents.OnBoardAsync(host, agent);
        }

        var board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", "swarm", b => b?.Agents.Count >= agents.Length);
        Assert.NotNull(board);
        Assert.Equal(agents.Order(), board.Agents.Keys.Order());

        for (var i = 0; i < 3; i++)
        {
            var prompt = $"extended sessions prompt {i}";
            var id = await TaskPolling.SubmitAsync(host, prompt);
            var finished = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(90));
            Assert.Equal("completed", finished.GetProperty("status").GetString());
            Assert.Equal(SimulatedChatClient.Answer(prompt), finished.GetProperty("result").GetProperty("text").GetString());
        }

        board = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", "swarm", b => b?.Agents.Values.Sum(a => a.Work.Completed) == 3);
        Assert.NotNull(board);
        Assert.Equal(agents.Order(), board.Agents.Keys.Order());
        Assert.All(board.Agents.Values, a => Assert.Empty(a.Holders));
    }
}
