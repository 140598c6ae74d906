using System.Security.Cryptography;
using System.Text;

namespace Swarm.Domain.Visibility;

/// <summary>
/// What has been shared with one reader (a person's subject, or <c>role:{name}</c> for everyone holding a role): the ids
/// of tasks and proposals their submitters shared, in the order they were shared. A share is kept once however often it
/// is repeated, and never dropped to make room: a full record refuses new shares (<see cref="IsFull"/>), so nobody loses
/// a reading they were given. Immutable.
/// </summary>
public sealed record ReaderShares
{
    /// <summary>Shares kept per reader; enough for years of one person's work, small enough to read on every request.</summary>
    public const int MaxResources = 2_000;

    /// <summary>Schema version of the stored record.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Task and proposal ids, oldest share first.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    public bool IsFull => Resources.Count >= MaxResources;

    public bool Contains(string resourceId) => Resources.Contains(resourceId, StringComparer.Ordinal);

    /// <summary>The record with <paramref name="resourceId"/> shared; unchanged when it was already, or when it is full.</summary>
    public ReaderShares With(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        return Contains(resourceId) || IsFull ? this : this with { Resources = [.. Resources, resourceId] };
    }

    /// <summary>
    /// The storage key of a reader's record: a hash, since subjects come from identity providers and may hold characters
    /// a storage key may not (<c>/</c>, <c>#</c>, <c>?</c>), and need not be readable where they are stored.
    /// </summary>
    public static string KeyOf(string reader)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reader)))[..40];
    }
}
