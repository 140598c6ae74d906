namespace Swarm.Application.Realtime;

/// <summary>
/// The rule for what an agent may say of itself with a heartbeat (<c>status</c>): a short line for operators to read
/// ("ready", "paused for an upgrade"), shown in its presence. It is the agent's word only: whether it takes work is the
/// dispatch board's business.
/// </summary>
public static class HeartbeatStatus
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="status"/> is refused (to follow its field name), or null when it is fine; no status at all is fine.</summary>
    public static string? Problem(string? status) => status switch
    {
        null => null,
        { Length: 0 or > MaxLength } => $"must be 1 to {MaxLength} characters.",
        _ when status.Any(char.IsControl) => "may not contain control characters.",
        _ => null,
    };
}
