using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Workflows.Tasks.Strategies;

/// <summary>
/// N distinct agents answer the same prompt at once: no two steps, retries included, go to the same agent, and a step
/// for which no distinct fitting agent is left fails saying so. The task succeeds if at least one answers (the failures
/// are in its timeline); the answers come side by side, or merged into one by a queen when the task asks for it.
/// </summary>
public static class ParallelStrategy
{
    public static async Task<StrategyRun> RunAsync(StepRunner steps, TaskRunInput input, TaskTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tracker);
        // One list for the group: every step, retries included, goes to an agent no other step of the task has had.
        var distinct = new List<string>();
        var runs = Enumerable.Range(1, input.Agents).Select(i => Attempt(steps.AnswerAsync($"answer-{i}", new AgentBriefing(input.Prompt), input.Capabilities, distinctGroup: distinct)));
        var results = await Task.WhenAll(runs);
        var answers = results.Where(r => r.Outcome is not null).Select(r => r.Outcome!).ToList();
        foreach (var failure in results.Where(r => r.Error is not null))
        {
            tracker.Record("step-failed", failure.Error!.Message);
        }

        if (answers.Count == 0)
        {
            // If the deadline stopped any of them, the task ran out of time, whatever the others failed of.
            var deadline = results.Any(r => r.Error is TaskStoppedException { IsDeadline: true });
            throw new TaskStoppedException($"Every one of the {input.Agents} parallel answers failed: " + string.Join(" | ", results.Select(r => r.Error!.Message)))
            {
                Kind = deadline ? TaskStoppedException.TimedOut : "StepFailed",
            };
        }

        if (!input.Merge)
        {
            return new StrategyRun(answers, null);
        }

        var merge = await steps.AnswerAsync("merge", MergeBriefing(input.Prompt, answers), [], AgentType.Queen);
        return new StrategyRun([.. answers, merge], merge);
    }

    /// <summary>What the merging queen is asked: to merge, the task, and every answer, labelled.</summary>
    public static AgentBriefing MergeBriefing(string prompt, IReadOnlyList<StepOutcome> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return new AgentBriefing(
            prompt,
            "Several agents answered the same task independently. Merge their answers into one best answer: keep what they agree on, resolve what they disagree on, and drop what is wrong.",
            [.. answers.Select((a, i) => new EarlierWork($"Answer {i + 1} (from {a.AgentId})", a.Answer.Text))]);
    }

    static async Task<(StepOutcome? Outcome, Exception? Error)> Attempt(Task<StepOutcome> step)
    {
        try
        {
            return (await step, null);
        }
        catch (Exception e) when (e is TaskStoppedException or AgentSlotUnavailableException)
        {
            return (null, e);
        }
    }
}
