namespace Swarm.Workflows;

/// <summary>
/// The spec's log categories (system, agent lifecycle, task execution, security, performance) as logger category
/// names, and which event ids belong to each. Events keep the category they are logged under (the workflows' own names
/// in <see cref="Logs"/>, a type's name elsewhere); the ranges below say which spec category every swarm event id is
/// in, so a sink can filter on either. <see cref="Of"/> is the one mapping; a test holds every declared event id to it.
/// </summary>
/// <remarks>
/// Ranges: 1100-1299 task execution (a task's life, and the model calls made for it); 1300-1399 agent lifecycle;
/// 1400-1499 security (the API pipeline's refusals and failures, the audit trail); 1500-1799 and 1900-1999 system
/// (periodic jobs and the durable engine, the real-time channel, MCP tool servers, embeddings); 1800-1899 task
/// execution (agents' tool calls); 2000-2099 performance (slow requests).
/// </remarks>
public static class LogCategories
{
    public const string System = "Swarm.System";

    /// <summary>An agent's provisioning, draining and retirement (the same name as <see cref="Logs.AgentCategory"/>).</summary>
    public const string AgentLifecycle = Logs.AgentCategory;

    /// <summary>A task's life, its steps and model calls (the same name as <see cref="Logs.TaskCategory"/>).</summary>
    public const string TaskExecution = Logs.TaskCategory;

    /// <summary>Authentication, authorization and rate-limit refusals, failed requests and the audit trail.</summary>
    public const string Security = "Swarm.Security";

    /// <summary>Requests and calls slower than they should be.</summary>
    public const string Performance = "Swarm.Performance";

    /// <summary>The spec category of a swarm event id; null for an id outside every range (not one of the swarm's).</summary>
    public static string? Of(int eventId) => eventId switch
    {
        >= 1100 and <= 1299 => TaskExecution,
        >= 1300 and <= 1399 => AgentLifecycle,
        >= 1400 and <= 1499 => Security,
        >= 1500 and <= 1799 => System,
        >= 1800 and <= 1899 => TaskExecution,
        >= 1900 and <= 1999 => System,
        >= 2000 and <= 2099 => Performance,
        _ => null,
    };
}
