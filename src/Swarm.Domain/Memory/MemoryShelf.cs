using System.Text.RegularExpressions;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

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

    /// <summary>How far a query's vector must point the way of an entry's to match with no word in common (<see cref="TextSimilarity.MinMeaningCosine"/>).</summary>
    public const double MinMeaningCosine = TextSimilarity.MinMeaningCosine;

    /// <summary>
    /// The entries that best match <paramref name="query"/>, best first, at most <paramref name="limit"/>. The score is
    /// the lexical match in [0, 1], the TF-IDF cosine of the query's terms with the entry's (the representation task
    /// fingerprints use, with document frequencies over this shelf); when <paramref name="queryEmbedding"/> and an
    /// entry's vector come from one model it is <c>0.5·lexical + 0.5·cosine</c> (<see cref="TextSimilarity"/>). A sealed (encrypted) value cannot be read here, so only its key is matched
    /// (and it has no vector). An entry matches when it shares a term with the query or its vector's cosine reaches
    /// <see cref="MinMeaningCosine"/>; ties go to the newer entry, then the key.
    /// </summary>
    public IReadOnlyList<MemoryHit> Search(string query, int limit, QuantizedEmbedding? queryEmbedding = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = Entries.ToList();
        var lexical = LexicalScores(query, entries);
        return [.. entries
            .Select((e, i) =>
            {
                var score = TextSimilarity.Score(lexical[i], queryEmbedding, e.Value.Embedding);
                return (Hit: new MemoryHit(e.Key, e.Value, score ?? 0), Matches: score is not null);
            })
            .Where(h => h.Matches)
            .Select(h => h.Hit)
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.Entry.UpdatedAt)
            .ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>
    /// TF-IDF cosine of the query with each entry (<see cref="LexicalIndex"/> over <see cref="PromptTerms"/>), in the
    /// entries' order, with document frequencies counted over this shelf: a word most entries hold ("report", "data")
    /// counts for little, a word few hold for much. A sealed entry is represented by its key alone (its parts are words:
    /// "solar-capacity" holds "solar" and "capacity").
    /// </summary>
    static double[] LexicalScores(string query, List<KeyValuePair<string, MemoryEntry>> entries)
    {
        var index = new LexicalIndex([.. entries.Select(e => PromptTerms.From(e.Value.Sealed ? e.Key : e.Key + " " + e.Value.Value))]);
        return index.Similarities(PromptTerms.From(query));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
