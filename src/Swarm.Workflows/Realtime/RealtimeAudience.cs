namespace Swarm.Workflows.Realtime;

/// <summary>Who a real-time message goes to: one user's connections, one group's, or every connection on the hub.</summary>
/// <param name="Kind">What <paramref name="Name"/> names.</param>
/// <param name="Name">The user id or group name; empty for <see cref="RealtimeAudienceKind.Everyone"/>.</param>
public sealed record RealtimeAudience(RealtimeAudienceKind Kind, string Name)
{
    public static RealtimeAudience User(string userId) => new(RealtimeAudienceKind.User, userId);

    public static RealtimeAudience Group(string group) => new(RealtimeAudienceKind.Group, group);

    public static RealtimeAudience Everyone { get; } = new(RealtimeAudienceKind.Everyone, "");

    public override string ToString() => Kind switch
    {
        RealtimeAudienceKind.User => "user " + Name,
        RealtimeAudienceKind.Group => "group " + Name,
        _ => "everyone",
    };
}

public enum RealtimeAudienceKind
{
    User,
    Group,
    Everyone,
}
