namespace Swarm.Domain.Autoscaling;

/// <summary>
/// What has been decided about pool sizes: when each pool last changed (for its cooldown; a person's scaling counts,
/// see <see cref="ScalingDecision.StartsCooldown"/>) and the latest decisions, holds included, newest last.
/// Immutable; bounded to <see cref="Limit"/> decisions.
/// </summary>
public sealed record ScalingLog
{
    public const int Limit = 100;

    public int Version { get; init; } = 1;

    public IReadOnlyDictionary<string, DateTimeOffset> LastChange { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    public IReadOnlyList<ScalingDecision> Recent { get; init; } = [];

    /// <summary>When the autoscaler last ran a pass; a person's scaling does not move it.</summary>
    public DateTimeOffset? LastPass { get; init; }

    /// <summary>An autoscaling pass at <paramref name="at"/> and its decisions.</summary>
    public ScalingLog With(IReadOnlyList<ScalingDecision> decisions, DateTimeOffset at) => Adding(decisions) with { LastPass = at };

    /// <summary>A person's scaling (<see cref="ScalingDecision.Manual"/>).</summary>
    public ScalingLog WithManual(ScalingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Adding([decision]);
    }

    ScalingLog Adding(IReadOnlyList<ScalingDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var changes = new Dictionary<string, DateTimeOffset>(LastChange, StringComparer.Ordinal);
        foreach (var change in decisions.Where(d => d.StartsCooldown))
        {
            // The later change wins: a pass that looked before a person's scaling may be recorded after it, and must
            // not move the cooldown back.
            changes[change.Pool] = changes.TryGetValue(change.Pool, out var known) && known > change.At ? known : change.At;
        }

        var recent = Recent.Concat(decisions).ToList();
        return this with { LastChange = changes, Recent = recent.Skip(Math.Max(0, recent.Count - Limit)).ToList() };
    }
}
