namespace Swarm.Domain.Autoscaling;

/// <summary>
/// What autoscaling has done: when each pool last changed (for its cooldown) and the latest decisions, holds included,
/// newest last. Immutable; bounded to <see cref="Limit"/> decisions.
/// </summary>
public sealed record ScalingLog
{
    public const int Limit = 100;

    public int Version { get; init; } = 1;

    public IReadOnlyDictionary<string, DateTimeOffset> LastChange { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    public IReadOnlyList<ScalingDecision> Recent { get; init; } = [];

    public DateTimeOffset? LastPass { get; init; }

    public ScalingLog With(IReadOnlyList<ScalingDecision> decisions, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var changes = new Dictionary<string, DateTimeOffset>(LastChange, StringComparer.Ordinal);
        foreach (var change in decisions.Where(d => d.Action != ScalingAction.Hold))
        {
            changes[change.Pool] = change.At;
        }

        var recent = Recent.Concat(decisions).ToList();
        return this with { LastChange = changes, Recent = recent.Skip(Math.Max(0, recent.Count - Limit)).ToList(), LastPass = at };
    }
}
