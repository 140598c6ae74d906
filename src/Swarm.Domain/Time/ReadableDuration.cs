using System.Globalization;

namespace Swarm.Domain.Time;

/// <summary>
/// A duration as a person reads it in a timeline or an error: <c>1 day</c>, <c>10 minutes</c>, <c>90 s</c>, <c>250 ms</c>,
/// rather than .NET's <c>1.00:00:00</c>. Invariant, so every host writes the same text into durable history.
/// </summary>
public static class ReadableDuration
{
    /// <summary>
    /// A whole number of days, hours or minutes in that unit; under two minutes (and not whole minutes) in seconds, so
    /// <c>90 s</c> stays one number; under a second in milliseconds; anything else as its parts (<c>1 day 2 hours</c>,
    /// <c>2 minutes 5 s</c>), to the second.
    /// </summary>
    public static string Of(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Of(duration.Negate());
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{Number(Math.Round(duration.TotalMilliseconds))} ms";
        }

        if (duration < TimeSpan.FromMinutes(2) && duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            return $"{Number(Math.Round(duration.TotalSeconds, 1))} s";
        }

        var whole = TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds));
        var parts = new List<string>(4);
        Add(parts, whole.Days, "day");
        Add(parts, whole.Hours, "hour");
        Add(parts, whole.Minutes, "minute");
        if (whole.Seconds > 0)
        {
            parts.Add($"{whole.Seconds} s");
        }

        return string.Join(' ', parts);
    }

    static void Add(List<string> parts, int count, string unit)
    {
        if (count > 0)
        {
            parts.Add(count == 1 ? $"1 {unit}" : $"{count} {unit}s");
        }
    }

    static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
