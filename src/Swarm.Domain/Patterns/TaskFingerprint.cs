using Swarm.Domain.Learning;
using Swarm.Domain.Tasks;

namespace Swarm.Domain.Patterns;

/// <summary>
/// What a finished task leaves for pattern recognition: its shape, how it went, and its prompt as hashed term counts.
/// The prompt text itself is not kept (it stays in the task's history, under that history's retention).
/// </summary>
/// <param name="CapabilityKey">The shard it belongs to (<see cref="Patterns.CapabilityKey"/>).</param>
/// <param name="Outcome"><see cref="TaskRunStatus.Completed"/> or <see cref="TaskRunStatus.Failed"/>.</param>
/// <param name="FailureType">The failure's type (<c>NoAgentAvailable</c>, <c>Rejected</c>…) when it failed.</param>
/// <param name="Steps">Every attempt at every step, failed ones too, in the order they ended.</param>
/// <param name="Terms">The prompt's lexical features (<see cref="PromptTerms"/>).</param>
/// <param name="Ratings">People's ratings, at most one per person.</param>
/// <param name="Lesson">What it teaches future similar tasks, if it failed or was rated badly.</param>
/// <param name="Embedding">
/// The prompt's vector when <c>learning:embeddings</c> was on for the task and the model answered; null otherwise (and
/// in fingerprints from before embeddings), when similarity goes by <see cref="Terms"/> alone.
/// </param>
/// <param name="Pattern">
/// The id of the <see cref="TaskPattern"/> it belongs to in its shard: the one its steps were routed by, or the one it
/// joined or started when it was added; null without a vector or with pattern keys off (and in older fingerprints).
/// </param>
public sealed record TaskFingerprint(
    string TaskId,
    DateTimeOffset At,
    string? SubmittedBy,
    string CapabilityKey,
    IReadOnlyList<string> Capabilities,
    TaskStrategy Strategy,
    TaskRunStatus Outcome,
    string? FailureType,
    decimal CostUsd,
    long DurationMs,
    IReadOnlyList<StepTrace> Steps,
    TermCounts Terms,
    IReadOnlyList<Rating>? Ratings = null,
    Lesson? Lesson = null,
    QuantizedEmbedding? Embedding = null,
    int? Pattern = null)
{
    public bool Succeeded => Outcome == TaskRunStatus.Completed;

    /// <summary>How the task went, in [0, 1]: the mean of its ratings when people rated it, else 1 completed, 0 failed.</summary>
    public double Value => Ratings is { Count: > 0 } ratings ? ratings.Average(r => r.Score) : Succeeded ? 1 : 0;

    /// <summary>How one of its steps went for the agent that took it: 0 for a failed attempt, else the task's <see cref="Value"/>.</summary>
    public double ValueOf(StepTrace step) => step is { Succeeded: true } ? Value : 0;
}
