using Swarm.Workflows.Agents;

namespace Swarm.Workflows.Tasks.Strategies;

/// <summary>The best-fitting agent answers (retried on the next best if it fails).</summary>
public static class SingleStrategy
{
    public static async Task<StrategyRun> RunAsync(StepRunner steps, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        var answer = await steps.AnswerAsync("answer", new AgentBriefing(input.Prompt), input.Capabilities);
        return new StrategyRun([answer], answer);
    }
}
