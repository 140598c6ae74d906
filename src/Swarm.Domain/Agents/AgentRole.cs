namespace Swarm.Domain.Agents;

/// <summary>The spec's agent <c>role</c>: what kind of work, which permissions, which expertise, and how it ranks.</summary>
/// <param name="Type">Free-form role kind, e.g. <c>operational</c>, <c>strategic</c>.</param>
/// <param name="Permissions">Task permissions as the spec writes them, e.g. <c>task:*</c>.</param>
/// <param name="Expertise">Capabilities the agent is matched on, e.g. <c>data-processing</c>.</param>
/// <param name="Priority">1 (lowest) to 10 (highest).</param>
public sealed record AgentRole(string Type, IReadOnlyList<string> Permissions, IReadOnlyList<string> Expertise, int Priority)
{
    /// <summary>The spec's example permission: every task permission, which is what any agent has today.</summary>
    public const string AllTaskPermissions = "task:*";

    public static AgentRole Default { get; } = new("operational", [], [], 5);
}
