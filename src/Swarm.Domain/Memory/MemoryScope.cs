using Swarm.Domain.Agents;

namespace Swarm.Domain.Memory;

/// <summary>
/// The memory namespaces one agent may use while it works on one task: its own (named by its id), the task's shared
/// namespace (named by the task's id, so the agents of a task build on each other's findings), and the team namespaces
/// its role grants. Decided from the agent's configuration alone; nothing a tool or a model returns can widen it.
/// </summary>
/// <param name="TaskId">The task the agent works on, whose namespace it shares; null outside a task (the API).</param>
public sealed record MemoryScope(string AgentId, string? TaskId, IReadOnlyList<MemoryGrant> Grants)
{
    public static MemoryScope For(AgentProfile agent, string? taskId)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var grants = agent.EffectiveRole.Permissions.Select(MemoryGrant.Parse).OfType<MemoryGrant>().ToList();
        return new MemoryScope(agent.Id, taskId, grants);
    }

    public bool CanRead(string memoryNamespace) => IsOwnOrTask(memoryNamespace) || Grants.Any(g => g.Covers(memoryNamespace));

    public bool CanWrite(string memoryNamespace) => IsOwnOrTask(memoryNamespace) || Grants.Any(g => g.CanWrite && g.Covers(memoryNamespace));

    /// <summary>The namespaces whose entries may be recalled for the agent: its own, the task's, then each exactly granted one.</summary>
    public IReadOnlyList<string> Recallable =>
    [
        AgentId,
        .. TaskId is null ? [] : new[] { TaskId },
        .. Grants.Where(g => g.IsExact).Select(g => g.Namespace).Where(ns => ns != AgentId && ns != TaskId).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Why a namespace is out of reach, in words the model can act on.</summary>
    public string Refusal(string memoryNamespace, bool write) =>
        $"Memory namespace '{memoryNamespace}' is not {(write ? "writable" : "readable")} by agent '{AgentId}'. It may use {Reach}.";

    /// <summary>What the agent may use, e.g. <c>its own ('r1'), the task's ('task-…') and those its role grants (notes, guide (read only))</c>.</summary>
    public string Reach =>
        $"its own ('{AgentId}')" + (TaskId is null ? "" : $", the task's ('{TaskId}')")
        + (Grants.Count > 0 ? $" and those its role grants ({string.Join(", ", Grants.Select(g => g.Namespace + (g.CanWrite ? "" : " (read only)")))})" : "");

    bool IsOwnOrTask(string memoryNamespace) =>
        string.Equals(memoryNamespace, AgentId, StringComparison.Ordinal) || string.Equals(memoryNamespace, TaskId, StringComparison.Ordinal);
}
