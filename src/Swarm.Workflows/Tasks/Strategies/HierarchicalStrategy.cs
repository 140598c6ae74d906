using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Workflows.Tasks.Strategies;

/// <summary>
/// A queen splits the task into subtasks (structured output), fitting agents run them at once, and a queen assembles
/// the answer. A subtask goes to an agent with one of the task's own capabilities: the one the queen named for it, or,
/// when it named none or one the task does not name, the task's capabilities in turn (subtask i gets capability
/// i mod n), recorded in the timeline. So a plan cannot send work to agents the client did not ask for.
/// </summary>
public static class HierarchicalStrategy
{
    public static async Task<StrategyRun> RunAsync(StepRunner steps, TaskRunInput input, TaskTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tracker);
        var (plan, planning) = await steps.PlanAsync(input.Prompt, input.Capabilities);
        var subtasks = plan.Subtasks.Take(TaskPlan.MaxSubtasks).ToList();
        tracker.Record("planned", $"{plan.Subtasks.Count} subtasks by {planning.AgentId}" + (plan.Subtasks.Count > subtasks.Count ? $"; the first {subtasks.Count} run" : ""));

        var runs = subtasks.Select((s, i) => steps.AnswerAsync($"subtask-{i + 1}", new AgentBriefing(s.Prompt), CapabilityOf(s, i, input, tracker)));
        var answers = await Task.WhenAll(runs);

        var assemble = await steps.AnswerAsync("assemble", AssembleBriefing(input.Prompt, subtasks, answers), [], AgentType.Queen);
        return new StrategyRun([planning, .. answers, assemble], assemble);
    }

    static IReadOnlyList<string> CapabilityOf(PlannedSubtask subtask, int index, TaskRunInput input, TaskTracker tracker)
    {
        var named = subtask.Capability is { Length: > 0 } capability ? capability : null;
        if (named is not null && input.Capabilities.Contains(named, StringComparer.OrdinalIgnoreCase))
        {
            return [named];
        }

        if (input.Capabilities.Count == 0)
        {
            if (named is not null)
            {
                tracker.Record("plan-adjusted", $"subtask {index + 1} asked for '{named}', which the task does not name; any agent may take it");
            }

            return [];
        }

        var given = input.Capabilities[index % input.Capabilities.Count];
        tracker.Record("plan-adjusted", $"subtask {index + 1} " + (named is null ? "named no capability" : $"asked for '{named}', which the task does not name") + $"; it goes to an agent with '{given}'");
        return [given];
    }

    static AgentBriefing AssembleBriefing(string prompt, List<PlannedSubtask> subtasks, StepOutcome[] answers) => new(
        prompt,
        "You split the task below into subtasks, and agents have answered them. Assemble one complete answer to the task from their answers.",
        [.. subtasks.Select((s, i) => new EarlierWork($"Subtask {i + 1}: {s.Prompt}\nAnswer (from {answers[i].AgentId})", answers[i].Answer.Text))]);
}
