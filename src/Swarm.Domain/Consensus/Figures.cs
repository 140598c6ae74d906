using System.Globalization;

namespace Swarm.Domain.Consensus;

/// <summary>How numbers and names read in an outcome's reason; invariant, so reasons are the same on every host.</summary>
internal static class Figures
{
    public static string Amount(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>"7 of 10 (70%)".</summary>
    public static string Part(double part, double whole) =>
        $"{Amount(part)} of {Amount(whole)} ({Percent(whole > 0 ? part / whole : 0)})";

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
