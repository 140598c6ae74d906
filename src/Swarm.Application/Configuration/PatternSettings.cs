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

    /// <summary>
    /// Pattern keys: with embeddings on, each shard groups its tasks' prompt vectors into patterns, and a step that needs
    /// what its task needs is routed and taught by the agents' records for its pattern (docs/design/learning.md §12).
    /// Nothing happens without embeddings, since words did not group the bench's prompts usefully.
    /// </summary>
    public bool Keys { get; set; } = true;

    /// <summary>The cosine with a pattern's centroid a prompt's vector needs to join it; below it, a task starts a pattern.</summary>
    public double KeySimilarity { get; set; } = Domain.Patterns.PatternClustering.DefaultSimilarity;

    /// <summary>Patterns a shard keeps; the least recently joined goes first.</summary>
    public int MaxKeys { get; set; } = Domain.Patterns.PatternClustering.DefaultMaxPatterns;

    /// <summary>Whether lessons carrying a person's comment reach other people's tasks (failure lessons always do).</summary>
    public bool ShareLessons { get; set; }
}
