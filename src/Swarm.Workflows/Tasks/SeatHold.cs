namespace Swarm.Workflows.Tasks;

/// <summary>A seat a task holds on an agent right now, so whoever ends the task from outside can give it back.</summary>
/// <param name="Holder">The key the agent's ledger and the dispatcher hold it under (<c>taskId/seatKey</c>).</param>
/// <param name="Stage">The step it serves, e.g. <c>answer</c>, <c>editor</c>.</param>
/// <param name="Shard">The dispatch shard that granted it, where it goes back; null for shard 0, as in histories from before shards.</param>
/// <param name="Pattern">The pattern key the step was routed by, which its release teaches too; null for none, as in older histories.</param>
public sealed record SeatHold(string AgentId, string SeatKey, string Holder, string Stage, int? Shard = null, string? Pattern = null);
