namespace Swarm.Workflows.Tasks;

/// <summary>
/// The answer an external agent (provider type <c>external</c>) posts for the seat it holds, as the spec's
/// <c>task_result</c> message: the event its step waits for.
/// </summary>
public sealed record ExternalResult(string Text, long InputTokens, long OutputTokens, decimal? CostUsd, string? Model)
{
    /// <summary>Set instead of an answer when the agent could not do the step: the step fails on this agent and tries another.</summary>
    public string? Error { get; init; }

    public static string EventName(string seatKey) => "result:" + seatKey;
}
