namespace Swarm.Benchmarks.Api;

/// <summary>An accepted task, followed until it finished (or the scenario's time ran out).</summary>
/// <param name="Last">The last answer to a poll, if any arrived.</param>
/// <param name="ObservedFinishedAt">When a poll first saw it finished (wall clock), if one did.</param>
sealed record TaskOutcome(TaskSubmission Submission, TaskSnapshot? Last, DateTimeOffset? ObservedFinishedAt)
{
    public bool Finished => Last is { IsFinished: true };

    /// <summary>From sending the POST to the host's completion time: the end-to-end latency a client could at best see.</summary>
    public TimeSpan? EndToEnd => Finished ? Last!.LastUpdatedAt - Submission.StartedAt : null;

    /// <summary>From scheduling to completion, both by the host's clock: what the durable workflow took.</summary>
    public TimeSpan? ServerEndToEnd => Finished ? Last!.LastUpdatedAt - Last.CreatedAt : null;

    /// <summary>From sending the POST to the poll that saw it finished: includes up to one polling cycle.</summary>
    public TimeSpan? ClientObserved => ObservedFinishedAt - Submission.StartedAt;
}
