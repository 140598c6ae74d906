using System.Text.Json;
using Swarm.Cli.Api;

namespace Swarm.Cli.Watching;

/// <summary>Which model call a <c>task_delta</c> belongs to: its step, agent, turn and attempt (README "Token streams").</summary>
sealed record StreamKey(string? Step, string? AgentId, string? Turn, string? Attempt)
{
    public static StreamKey Of(JsonElement delta) =>
        new(Json.Text(delta, "step"), Json.Text(delta, "agentId"), Json.Text(delta, "turn"), Json.Text(delta, "attempt"));

    public string Title => $"{Step} · {AgentId} (turn {Turn})";
}
