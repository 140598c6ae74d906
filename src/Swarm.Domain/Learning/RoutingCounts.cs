namespace Swarm.Domain.Learning;

/// <summary>
/// What routing and learning did, counted on the board (exact and persisted, for the system metrics): seat decisions by
/// how the skill value was chosen (<c>exploit</c>, <c>sample</c>, <c>explore</c>, <c>warm-up</c>, <c>off</c>) and skill
/// updates by kind (<c>outcome</c>, <c>late</c>, <c>consensus</c>, <c>feedback</c>, <c>relax</c>, <c>reset</c>, and
/// <c>ignored</c> for signals dropped while learning is off).
/// </summary>
public sealed record RoutingCounts(IReadOnlyDictionary<string, long> Decisions, IReadOnlyDictionary<string, long> Updates)
{
    /// <summary>Nothing counted yet.</summary>
    public static RoutingCounts None { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long>());

    /// <summary>One more seat decision of this kind.</summary>
    public RoutingCounts Decided(string kind) => this with { Decisions = Add(Decisions, kind, 1) };

    /// <summary><paramref name="count"/> more skill updates of this kind.</summary>
    public RoutingCounts Updated(string kind, long count = 1) => count == 0 ? this : this with { Updates = Add(Updates, kind, count) };

    /// <summary>Both counts added up (the shards' boards read as one).</summary>
    public RoutingCounts Plus(RoutingCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Sum(Decisions, other.Decisions), Sum(Updates, other.Updates));
    }

    /// <summary>The name an update of this kind is counted under.</summary>
    public static string NameOf(SkillKind kind) => kind.ToString().ToLowerInvariant();

    static Dictionary<string, long> Sum(IReadOnlyDictionary<string, long> one, IReadOnlyDictionary<string, long> other)
    {
        var sum = new Dictionary<string, long>(one, StringComparer.Ordinal);
        foreach (var (kind, count) in other)
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return sum;
    }

    static Dictionary<string, long> Add(IReadOnlyDictionary<string, long> counts, string kind, long count) =>
        new(counts, StringComparer.Ordinal) { [kind] = counts.GetValueOrDefault(kind) + count };
}
