namespace Swarm.Domain.Patterns;

/// <summary>A person's rating of a finished task.</summary>
/// <param name="By">Who rated it (a principal's subject); one rating per person and task.</param>
/// <param name="Value">1 (bad) to 5 (good).</param>
/// <param name="Comment">What they said, if anything; kept in the atlas only.</param>
public sealed record Rating(string By, int Value, string? Comment, DateTimeOffset At)
{
    /// <summary>The lowest and highest rating.</summary>
    public const int Lowest = 1, Highest = 5;

    /// <summary>A rating at or below this writes a lesson for future similar tasks.</summary>
    public const int LessonAtOrBelow = 2;

    /// <summary>The rating as a signal in [0, 1]: <c>(value − 1) / 4</c>.</summary>
    public double Score => (Value - Lowest) / (double)(Highest - Lowest);
}
