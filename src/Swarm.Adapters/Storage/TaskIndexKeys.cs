using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Swarm.Adapters.Storage;

/// <summary>
/// The task index's keys. Every task has a row in partition <see cref="Everyone"/>, one in its submitter's partition
/// (<see cref="Submitter"/>), and while unfinished one in <see cref="Open"/>; in each the row key is the same
/// <see cref="RowKey"/>: the ticks left until <see cref="DateTimeOffset.MaxValue"/> at its acceptance, then its id, so
/// a partition read in key order (a range query, the only order Table storage has) is newest first, and the
/// continuation token is the last row key a page held, valid in any of the partitions.
/// </summary>
public static partial class TaskIndexKeys
{
    /// <summary>Every task.</summary>
    public const string Everyone = "all";

    /// <summary>Unfinished tasks only: the queue view reads this partition, whose size is the backlog, not the history.</summary>
    public const string Open = "open";

    const string SubmitterPrefix = "by-";

    /// <summary>
    /// The partition of one submitter's tasks. A subject is hashed: it may hold characters a key may not
    /// (<c>/ \ # ?</c>, control characters) and be longer than a key may be.
    /// </summary>
    public static string Submitter(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return SubmitterPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..32];
    }

    /// <summary>The row key of a task accepted at <paramref name="acceptedAt"/>: later tasks sort first.</summary>
    public static string RowKey(DateTimeOffset acceptedAt, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var remaining = DateTimeOffset.MaxValue.UtcTicks - acceptedAt.UtcTicks;
        return remaining.ToString("D19", CultureInfo.InvariantCulture) + "_" + taskId;
    }

    /// <summary>Whether <paramref name="token"/> has the shape of a row key, the only continuation tokens this index hands out.</summary>
    public static bool IsRowKey(string? token) => token is not null && RowKeyShape().IsMatch(token);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{19}_task-[0-9a-f]{32}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RowKeyShape();
}
