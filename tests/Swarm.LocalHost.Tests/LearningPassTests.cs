using Swarm.Domain.Learning;

namespace Swarm.LocalHost.Tests;

/// <summary>The learning pass, run by the local host's scheduler exactly as the timer function runs it in Azure.</summary>
public sealed class LearningPassTests
{
    [Fact]
    public async Task Unconfirmed_skill_loses_evidence_at_the_learning_rate()
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

        var faded = await BoardAgents.WaitForAsync(host, "queen-1", a => a.SkillTrace is [{ Kind: SkillKind.Relax, Times: >= 2 }, ..]);

        // Two failures and no success: S = 0, so the mean 1/(2 + F) gives the evidence F before and after the passes.
        // Only the passes, each keeping half of the unconfirmed evidence, can have moved it, and never past one half.
        Assert.NotNull(faded);
        var passes = faded.SkillTrace![0];
        var skill = faded.SkillOf("general");
        double before = (1 / passes.MeanBefore) - 2, after = (1 / passes.MeanAfter) - 2;
        Assert.Equal(before * Math.Pow(0.5, passes.Times), after, 6);
        Assert.Equal(skill.Evidence, after, 6);
        Assert.True(skill.Mean is > 0.25 and < 0.5, skill.ToString());
        Assert.Equal(skill.Mean, faded.Reputation["general"]);
        Assert.Equal((2, 0), (faded.Work.Failed, faded.Work.Completed));
        Assert.Equal(SkillKind.Outcome, faded.SkillTrace[1].Kind);
    }
}
