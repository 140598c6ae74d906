namespace Swarm.Workflows.Tasks;

/// <summary>A queen's split of a task into subtasks: the structured output a hierarchical task asks for.</summary>
public sealed record TaskPlan(IReadOnlyList<PlannedSubtask> Subtasks)
{
    /// <summary>At most this many subtasks run; a longer plan is cut, and the cut is recorded.</summary>
    public const int MaxSubtasks = 6;
}

/// <summary>One subtask of a plan.</summary>
/// <param name="Prompt">What the subtask's agent is asked.</param>
/// <param name="Capability">The expertise it needs, one of the task's capabilities, or null for any agent.</param>
public sealed record PlannedSubtask(string Prompt, string? Capability);
