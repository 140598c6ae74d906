using Swarm.Domain.Agents;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// One step of a task asking for an agent: what it needs and how urgent it is. A seat is one of an agent's
/// <c>maxConcurrency</c> places.
/// </summary>
/// <param name="TaskId">The task; also the orchestration that waits for the seat.</param>
/// <param name="SeatKey">Unique per attempt of a step within the task, e.g. <c>s1.a2</c>; names the seat and the event that offers it.</param>
/// <param name="Capabilities">Expertise the agent must have, all of it; empty when any agent will do.</param>
/// <param name="Priority">1 (lowest) to 10 (highest); higher waits less.</param>
/// <param name="Exclude">Agents that must not be chosen (e.g. ones that already failed this step).</param>
/// <param name="RequiredType">Only agents of this type, e.g. a queen to plan or merge; null for any.</param>
/// <param name="RequestedAt">When the step first asked; among equal priorities, earlier is served first.</param>
/// <param name="Agent">Only this agent, when the step names one (an agent's question to another); null for any that fits.</param>
/// <param name="Pattern">The pattern key (<see cref="Patterns.PatternKey"/>) of the kind of task the step belongs to, when pattern keys are on and the atlas recognised one: the agents' records for it rank them, with their capability records as the prior; null otherwise and in old histories.</param>
/// <param name="Evidence">Similar past tasks' outcomes per agent, from pattern recognition (at most 40); null when there is none, as in old histories and the board's old line, and then the agents' records alone rank them.</param>
public sealed record SeatRequest(
    string TaskId,
    string SeatKey,
    IReadOnlyList<string> Capabilities,
    int Priority,
    IReadOnlyList<string> Exclude,
    AgentType? RequiredType,
    DateTimeOffset RequestedAt,
    string? Agent = null,
    IReadOnlyList<SimilarEvidence>? Evidence = null,
    string? Pattern = null)
{
    /// <summary>The key the agent's ledger and the board hold the seat under.</summary>
    public string Holder => HolderOf(TaskId, SeatKey);

    /// <summary>The key a task's seat is held under: <c>taskId/seatKey</c>.</summary>
    public static string HolderOf(string taskId, string seatKey) => $"{taskId}/{seatKey}";
}
