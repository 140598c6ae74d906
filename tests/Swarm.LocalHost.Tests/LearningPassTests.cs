using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.LocalHost.Tests;

/// <summary>The learning pass, run by the local host's scheduler exactly as the timer function runs it in Azure.</summary>
public sealed class LearningPassTests
{
    /// <summary>The one dispatch board's entity key (one shard).</summary>
    static readonly string Board = Swarm.Workflows.Distribution.DispatchShards.Of(1).ForAgent("queen-1").Key;

    [Fact]
    public async Task Skill_fades_at_the_learning_rate_while_others_do_its_keys_work_and_not_while_nobody_does()
    {
        // A pass every second; greedy, so that once the worker is on the board it takes every plain task (a worker fits
        // plain work better than a queen, and greedy never tries the queen again).
        await using var host = await LocalHostProcess.StartAsync(
            ("learning__algorithm", "greedy"),
            ("learning__learningRate", "0.5"),
            ("LearningSchedule", "*/1 * * * * *"));
        for (var i = 0; i < SkillPosterior.WarmUpSignals; i++)
        {
            await RunAsync(host, $"queen's task {i}");
        }

        var learned = await BoardAgents.WaitForAsync(host, "queen-1", a => a.Work.Completed == SkillPosterior.WarmUpSignals);
        Assert.NotNull(learned);

        // Nobody else works: two passes later the queen's record of its plain work is as its last task left it.
        var idleFrom = DateTimeOffset.UtcNow;
        var idle = await Entities.WaitForAsync<DispatchBoard>(host, "dispatcher", Board, b => b?.LastRelaxedAt > idleFrom.AddSeconds(2));
        Assert.True(idle?.LastRelaxedAt > idleFrom.AddSeconds(2), $"no learning pass ran after {idleFrom:O}: last at {idle?.LastRelaxedAt:O}");
        Assert.Equal(learned.SkillOf("general"), idle!.Agents["queen-1"].SkillOf("general"));

        // Plain work goes on, to a worker: every pass after one of its tasks finds the queen's record unconfirmed.
        await TaskSubmissions.CreateAgentAsync(host, "worker-1", "worker", []);
        await BoardAgents.OnBoardAsync(host, "worker-1");
        BoardAgent? faded = null;
        for (var i = 0; i < 60 && faded is null; i++)
        {
            await RunAsync(host, $"worker's task {i}");
            faded = (await Entities.ReadAsync<DispatchBoard>(host, "dispatcher", Board))?.Agents["queen-1"] is { SkillTrace: [{ Kind: SkillKind.Relax, Times: >= 2 }, ..] } queen ? queen : null;
        }

        // Four successes and no failure: F = 0, so the mean (1 + S)/(2 + S) gives the evidence S before and after the
        // passes. Only the passes, each keeping half of the unconfirmed evidence, can have moved it, and never past one half.
        Assert.NotNull(faded);
        var passes = faded.SkillTrace![0];
        var skill = faded.SkillOf("general");
        static double Evidence(double mean) => ((2 * mean) - 1) / (1 - mean);
        Assert.Equal(learned.SkillOf("general").Mean, passes.MeanBefore, 9);
        Assert.Equal(Evidence(passes.MeanBefore) * Math.Pow(0.5, passes.Times), Evidence(passes.MeanAfter), 6);
        Assert.Equal(skill.Evidence, Evidence(passes.MeanAfter), 6);
        Assert.True(skill.Mean > 0.5 && skill.Mean < passes.MeanBefore, skill.ToString());
        Assert.Equal(skill.Mean, faded.Reputation["general"]);
        Assert.Equal((SkillPosterior.WarmUpSignals, 0L), (faded.Work.Completed, faded.Work.Failed));
        Assert.Equal(SkillKind.Outcome, faded.SkillTrace[1].Kind);
    }

    static async Task RunAsync(LocalHostProcess host, string prompt) =>
        await TaskPolling.WaitUntilFinishedAsync(host, await TaskPolling.SubmitAsync(host, prompt), TimeSpan.FromSeconds(60));
}
