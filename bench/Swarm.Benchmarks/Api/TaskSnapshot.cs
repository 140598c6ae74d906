namespace Swarm.Benchmarks.Api;

/// <summary>
/// What <c>GET /api/v1/tasks/{id}</c> said. The timestamps are the host's: <paramref name="CreatedAt"/> when its
/// orchestration was scheduled, <paramref name="LastUpdatedAt"/> its last durable update (its completion, once finished),
/// <paramref name="ClaimedAt"/> and <paramref name="AnsweredAt"/> from the task's result.
/// </summary>
/// <param name="ModelLatencyMs">How long the model call took, as the activity that made it measured (summed over the turns of a tool loop).</param>
/// <param name="Turns">Model calls the answer took (more than one when the agent used tools).</param>
/// <param name="ToolCalls">Tool calls the agent made on the way.</param>
sealed record TaskSnapshot(
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? AnsweredAt,
    string? AgentId,
    double? ModelLatencyMs,
    int? Turns,
    int? ToolCalls,
    string? ErrorType,
    string? ErrorMessage)
{
    public bool IsFinished => Status is "completed" or "failed" or "canceled";

    public bool IsCompleted => Status == "completed";
}
