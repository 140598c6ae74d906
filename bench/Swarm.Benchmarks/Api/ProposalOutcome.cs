namespace Swarm.Benchmarks.Api;

/// <summary>An accepted proposal, followed until it finished (or the scenario's time ran out).</summary>
/// <param name="RightChoice">The option the simulated voters are right to choose (<c>SimulatedChatClient.RightChoice</c>).</param>
/// <param name="Last">The last answer to a poll, if any arrived.</param>
/// <param name="ObservedFinishedAt">When a poll first saw it finished (wall clock), if one did.</param>
sealed record ProposalOutcome(ProposalSubmission Submission, string RightChoice, ProposalSnapshot? Last, DateTimeOffset? ObservedFinishedAt)
{
    public bool Finished => Last is { IsFinished: true };

    public bool DecidedRight => Last is { IsDecided: true } last && last.Winner == RightChoice;

    /// <summary>From sending the POST to the host's completion time: the end-to-end latency a client could at best see.</summary>
    public TimeSpan? EndToEnd => Finished ? Last!.LastUpdatedAt - Submission.StartedAt : null;

    /// <summary>From sending the POST to the poll that saw it finished: includes up to one polling cycle.</summary>
    public TimeSpan? ClientObserved => ObservedFinishedAt - Submission.StartedAt;
}
