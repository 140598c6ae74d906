using Swarm.Workflows.Agents;

namespace Swarm.Workflows.Tasks.Strategies;

/// <summary>Ordered stages (e.g. writer → editor → fact-checker), each on an agent fitting that stage, each seeing the previous stage's output.</summary>
public static class PipelineStrategy
{
    public static async Task<StrategyRun> RunAsync(StepRunner steps, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        var done = new List<StepOutcome>();
        for (var i = 0; i < input.Stages.Count; i++)
        {
            var stage = input.Stages[i];
            var name = StageName(stage.Name, i);
            var previous = done.LastOrDefault();
            var outcome = await steps.AnswerAsync(name, StageBriefing(stage.Instruction!, input.Prompt, previous), stage.Capabilities ?? []);
            done.Add(outcome);
        }

        return new StrategyRun(done, done[^1]);
    }

    /// <summary>A stage's name as the timeline shows it: the given name, made safe as a seat key, or <c>stage-N</c>.</summary>
    public static string StageName(string? name, int index)
    {
        var safe = new string((name ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return safe.Length > 0 ? $"{index + 1}-{safe}" : $"stage-{index + 1}";
    }

    /// <summary>What a stage's agent is asked: its instruction, the task, and the previous stage's output.</summary>
    public static AgentBriefing StageBriefing(string instruction, string task, StepOutcome? previous) => new(
        task,
        instruction,
        previous is null ? null : [new EarlierWork($"Output of the previous stage ({previous.Stage}, by {previous.AgentId})", previous.Answer.Text)]);
}
