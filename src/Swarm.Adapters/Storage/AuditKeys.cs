using System.Globalization;

namespace Swarm.Adapters.Storage;

/// <summary>
/// The table keys of audit records. PartitionKey is the UTC day (<c>yyyyMMdd</c>), so a time-range query reads
/// only the partitions of its days. RowKey is the time's ticks subtracted from <see cref="DateTime.MaxValue"/>,
/// zero-padded to 19 digits, then a random suffix: rows sort newest first within a day (the table service
/// returns rows in ascending key order) and two records in the same tick never collide.
/// </summary>
static class AuditKeys
{
    public const string DayFormat = "yyyyMMdd";
    const int TicksDigits = 19;

    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    public static string PartitionKey(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string NewRowKey(DateTimeOffset time) => Boundary(time.UtcTicks) + "-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Row keys at or above this belong to records at or before <paramref name="utcTicks"/>, those below it to later
    /// records (a record exactly at the tick has this as its prefix, and a prefix sorts before its extensions).
    /// </summary>
    public static string Boundary(long utcTicks) =>
        (DateTime.MaxValue.Ticks - utcTicks).ToString("D" + TicksDigits, CultureInfo.InvariantCulture);

    /// <summary>The exact time a row key records, or null when the row was not written by this trail.</summary>
    public static DateTimeOffset? TimeOf(string rowKey) =>
        rowKey.Length > TicksDigits
            && long.TryParse(rowKey.AsSpan(0, TicksDigits), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            && inverted <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(DateTime.MaxValue.Ticks - inverted, TimeSpan.Zero)
            : null;
}
