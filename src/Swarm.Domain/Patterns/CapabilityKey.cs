namespace Swarm.Domain.Patterns;

/// <summary>
/// The name of a task's shard in the atlas: its capabilities, lowercase, sorted and joined by <c>+</c>, or
/// <see cref="General"/> when it names none. Tasks that need the same expertise share a shard, so recall is one
/// entity call and neighbours are comparable work.
/// </summary>
public static class CapabilityKey
{
    /// <summary>The key of tasks that name no capability.</summary>
    public const string General = "general";

    public static string Of(IEnumerable<string>? capabilities)
    {
        var names = (capabilities ?? []).Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? General : string.Join('+', names);
    }

    /// <summary>Whether two capability lists name the same set (case-insensitive, order and repeats ignored).</summary>
    public static bool SameSet(IEnumerable<string>? first, IEnumerable<string>? second) =>
        string.Equals(Of(first), Of(second), StringComparison.Ordinal);
}
