using System.Text.Json.Serialization;

namespace Swarm.Domain.Patterns;

/// <summary>
/// A text reduced to its most frequent hashed features (<see cref="PromptTerms"/>): what a fingerprint keeps of a prompt
/// instead of the prompt itself. At most <see cref="MaxTerms"/> features, sorted by hash so two texts compare in one
/// merge. Stored as one compact string (<see cref="TermCountsJsonConverter"/>): 500 fingerprints of objects per feature
/// would make an atlas shard several times larger.
/// </summary>
[JsonConverter(typeof(TermCountsJsonConverter))]
public sealed record TermCounts
{
    /// <summary>Features kept per text: enough for a task prompt, bounded so a pasted document costs the same.</summary>
    public const int MaxTerms = 96;

    /// <summary>No features: a text of only stop words, punctuation or nothing.</summary>
    public static TermCounts Empty { get; } = new([]);

    /// <summary>Keeps the <see cref="MaxTerms"/> most frequent of <paramref name="terms"/> (ties by lower hash), sorted by hash.</summary>
    public TermCounts(IEnumerable<TermCount> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Terms = [.. terms
            .GroupBy(t => t.Hash)
            .Select(g => new TermCount(g.Key, (byte)Math.Min(byte.MaxValue, g.Sum(t => t.Count))))
            .Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Hash)
            .Take(MaxTerms)
            .OrderBy(t => t.Hash)];
    }

    /// <summary>The features, sorted by hash, each once.</summary>
    public IReadOnlyList<TermCount> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public bool Equals(TermCounts? other) => other is not null && Terms.SequenceEqual(other.Terms);

    public override int GetHashCode() => Terms.Aggregate(Terms.Count, (h, t) => HashCode.Combine(h, t));
}
