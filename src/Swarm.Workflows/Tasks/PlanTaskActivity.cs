using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// Asks a queen's model to split a task into subtasks, as JSON that must match <see cref="TaskPlan"/>. A reply that is
/// not a plan fails as a rejected call (the step then tries another queen, if there is one).
/// </summary>
public sealed class PlanTaskActivity(IChatClientProvider clients, ModelCallLimits limits) : TaskActivity<PlanRequest, PlannedWork>
{
    public override async Task<PlannedWork> RunAsync(TaskActivityContext context, PlanRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var provider = input.Queen.Provider;
        var capabilities = input.Capabilities.Count > 0
            ? $"Give each subtask the one capability it needs from [{string.Join(", ", input.Capabilities)}], or null."
            : "Set every capability to null.";
        var prompt = $"""
            You coordinate a team of agents. Split the task below into 2 to {TaskPlan.MaxSubtasks} subtasks that can be worked on independently.
            Each subtask's prompt must stand on its own. {capabilities}

            Task: {input.Prompt}
            """;
        var options = ModelCallOptions.For(input.Queen);
        var clock = Stopwatch.StartNew();
        var (plan, response) = await limits.RunAsync("planning call", token =>
            StructuredReplies.GetAsync<TaskPlan>(clients.GetClient(provider), [new ChatMessage(ChatRole.System, AgentInstructions.For(input.Queen)), new ChatMessage(ChatRole.User, prompt)], options, token), input.Deadline);

        if (plan.Subtasks is not { Count: > 0 } subtasks || subtasks.Any(s => string.IsNullOrWhiteSpace(s?.Prompt)))
        {
            throw new ModelCallRejectedException($"{provider.Type}:{provider.Model} returned a plan with no usable subtasks: {JsonSerializer.Serialize(plan)}");
        }

        var answer = ModelAnswers.From(response, provider, clock.ElapsedMilliseconds);
        return new PlannedWork(plan, answer);
    }
}
