namespace Swarm.Domain.Learning;

/// <summary>A person's judgement of a finished task: 1 (bad) to 5 (good), with an optional comment.</summary>
/// <param name="By">The rater's subject.</param>
public sealed record TaskRating(string By, int Value, string? Comment, DateTimeOffset At)
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <summary>Longest comment kept, in characters.</summary>
    public const int MaxCommentLength = 2_000;

    /// <summary>The rating as a skill signal's value in [0, 1]: <c>(rating − 1) / 4</c>, so 3 is neither good nor bad.</summary>
    public double SkillValue => (Value - Lowest) / (double)(Highest - Lowest);

    /// <summary>A rating of 2 or less: what the agents of similar tasks should hear about.</summary>
    public bool IsPoor => Value <= 2;
}
