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

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
