namespace Swarm.Application.Configuration;

/// <summary>
/// Pattern recognition (<c>learning:patterns:*</c>): whether finished tasks leave fingerprints and new tasks recall
/// similar ones, and its bounds. Fixed in each task's input at submission, so a change applies to new tasks only.
/// </summary>
public sealed class PatternSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Fingerprints kept per capability key (one atlas shard); the oldest go first.</summary>
    public int MaxPerShard { get; set; } = Domain.Patterns.TaskAtlas.DefaultMaxFingerprints;

    /// <summary>Similar tasks a task recalls at most.</summary>
    public int Neighbours { get; set; } = 20;

    /// <summary>How alike (TF-IDF cosine of the prompts) a past task must be to be recalled.</summary>
    public double MinSimilarity { get; set; } = 0.25;

    /// <summary>Whether lessons carrying a person's comment reach other people's tasks (failure lessons always do).</summary>
    public bool ShareLessons { get; set; }
}
