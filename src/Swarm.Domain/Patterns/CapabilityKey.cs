namespace Swarm.Domain.Patterns;

/// <summary>
/// The name of a task's shard in the atlas: its capabilities, lowercase, sorted and joined by <c>+</c>, or
/// <see cref="General"/> when it names none. Tasks that need the same expertise share a shard, so recall is one
/// entity call and neighbours are comparable work. The key names a durable entity, which storage keeps under its name:
/// capabilities are free text (up to 64 characters each), so a key with characters storage keys refuse ('/', '#', '?'
/// and the like) or longer than <see cref="LongestReadable"/> is a hash of the joined names instead (<c>caps-…</c>).
/// </summary>
public static partial class CapabilityKey
{
    /// <summary>The key of tasks that name no capability.</summary>
    public const string General = Distribution.AgentSelector.GeneralCapability;

    /// <summary>The longest key kept readable.</summary>
    public const int LongestReadable = 200;

    public static string Of(IEnumerable<string>? capabilities)
    {
        var names = (capabilities ?? []).Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return General;
        }

        var joined = string.Join('+', names);
        return joined.Length <= LongestReadable && names.All(n => SafeName().IsMatch(n)) ? joined : "caps-" + Fnv1a64(joined).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SafeName();

    /// <summary>Whether two capability lists name the same set (case-insensitive, order and repeats ignored).</summary>
    public static bool SameSet(IEnumerable<string>? first, IEnumerable<string>? second) =>
        string.Equals(Of(first), Of(second), StringComparison.Ordinal);
}
