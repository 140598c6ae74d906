using System.Text.RegularExpressions;

namespace Swarm.Domain.Memory;

/// <summary>
/// One namespace of the swarm's persistent memory: keyed entries with bounds, so no writer can grow a namespace
/// without limit. Immutable; every change returns a new shelf.
/// </summary>
public sealed partial record MemoryShelf
{
    public const int MaxEntries = 1_000;
    public const int MaxValueLength = 16 * 1024;

    public int Version { get; init; } = 1;

    public IReadOnlyDictionary<string, MemoryEntry> Entries { get; init; } = new Dictionary<string, MemoryEntry>();

    /// <summary>What <see cref="IsName"/> asks of a namespace or key, as an error message says it.</summary>
    public const string NameRule = "must be 1 to 128 letters, digits, '.', '_' or '-'.";

    /// <summary>Namespaces and keys: 1 to 128 letters, digits, '.', '_' or '-', so they are safe in paths and logs.</summary>
    public static bool IsName(string? name) => name is not null && NameShape().IsMatch(name);

    /// <summary>Stores or replaces an entry; false (and no change) when the shelf is full and the key is new.</summary>
    public (MemoryShelf Shelf, bool Stored) Put(string key, MemoryEntry entry)
    {
        if (!Entries.ContainsKey(key) && Entries.Count >= MaxEntries)
        {
            return (this, false);
        }

        return (this with { Entries = new Dictionary<string, MemoryEntry>(Entries) { [key] = entry } }, true);
    }

    public MemoryShelf Remove(string key)
    {
        if (!Entries.ContainsKey(key))
        {
            return this;
        }

        var entries = new Dictionary<string, MemoryEntry>(Entries);
        entries.Remove(key);
        return this with { Entries = entries };
    }

    /// <summary>Keys in order, those starting with <paramref name="prefix"/> when one is given; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> Keys(string? prefix, int limit) =>
        [.. Entries.Keys.Where(k => prefix is null || k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(limit)];

    /// <summary>
    /// The entries that share the most words with <paramref name="query"/>, best first, at most <paramref name="limit"/>.
    /// A word counts once per entry; a sealed (encrypted) value cannot be read here, so only its key is matched.
    /// Entries that share no word are left out. Plain word overlap: cheap, deterministic and good enough to surface
    /// what agents wrote about a task's subject, without an embedding model the swarm may not have.
    /// </summary>
    public IReadOnlyList<MemoryHit> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = Words(query);
        if (wanted.Count == 0)
        {
            return [];
        }

        return [.. Entries
            .Select(e => new MemoryHit(e.Key, e.Value, Words(e.Value.Sealed ? e.Key : e.Key + " " + e.Value.Value).Count(wanted.Contains)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.Entry.UpdatedAt)
            .ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>The distinct lowercase words of a text of three letters or more; shorter ones are mostly noise ("a", "of", "is").</summary>
    static HashSet<string> Words(string text) =>
        [.. WordShape().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3)];

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordShape();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
