namespace Swarm.Workflows.Tasks;

/// <summary>The input a task's orchestration starts with.</summary>
/// <param name="TaskId">Also the orchestration's instance id.</param>
/// <param name="Prompt">What the agent is asked.</param>
/// <param name="Priority">1 to 10.</param>
/// <param name="AgentId">The agent chosen for the task; its profile (provider and all) is read when the slot is claimed.</param>
/// <param name="SlotWaitLimit">How long the task may wait for a free slot on its agent before it fails.</param>
/// <param name="Metadata">Client metadata kept with the task.</param>
public sealed record TaskRunInput(
    string TaskId,
    string Prompt,
    int Priority,
    string AgentId,
    TimeSpan SlotWaitLimit,
    IReadOnlyDictionary<string, string>? Metadata = null);
