using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>The learning pass, run by the local host's scheduler exactly as the timer function runs it in Azure.</summary>
public sealed class LearningPassTests
{
    [Fact]
    public async Task Reputation_that_no_outcome_confirms_fades_toward_neutral_at_the_learning_rate()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__failureRate", "1"),
            ("learning__learningRate", "0.5"),
            ("LearningSchedule", "*/1 * * * * *"));
        foreach (var prompt in new[] { "one", "two" })
        {
            var id = await TaskPolling.SubmitAsync(host, prompt);
            await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        }

        static double General(JsonElement agent) => agent.GetProperty("reputation").GetProperty("general").GetDouble();
        var faded = await TaskPolling.WaitForAgentAsync(host, "queen-1", a => General(a) > 0.49);

        // Two failures and no success took it to 1/4 (a Beta(1, 3) mean); only the passes, each halving the unconfirmed
        // evidence, can have brought it above 0.49, and never past 0.5.
        Assert.True(General(faded) < 0.5, faded.ToString());
        Assert.Equal((2, 0), (faded.GetProperty("failed").GetInt64(), faded.GetProperty("completed").GetInt64()));
    }
}
