using Swarm.Benchmarks.Api;
using Swarm.Providers.Simulated;

namespace Swarm.Benchmarks.Load;

/// <summary>
/// Proposals put to the vote one at a time: each is posted once the one before it finished, and polled through
/// <c>GET /api/v1/consensus/proposals/{id}</c> until it is decided, undecided or failed, so none waits behind another.
/// </summary>
/// <param name="pollPause">The pause between polls: the resolution of the client-observed latency.</param>
sealed class ProposalSequence(SwarmApi api, string capability, int voters, TimeSpan pollPause)
{
    public static readonly IReadOnlyList<string> Options = ["A", "B", "C"];

    /// <summary>Runs <paramref name="count"/> proposals; when <paramref name="deadline"/> fires, returns those run so far (the last unfinished).</summary>
    public async Task<ProposalSequenceResult> RunAsync(int count, string questionPrefix, CancellationToken deadline)
    {
        var outcomes = new List<ProposalOutcome>();
        var (polls, pollFailures) = (0, 0);
        for (var i = 0; i < count && !deadline.IsCancellationRequested; i++)
        {
            var question = $"{questionPrefix} {i}: which of A, B and C is right?";
            var right = SimulatedChatClient.RightChoice(question, Options);
            ProposalSubmission submission;
            try
            {
                submission = await api.ProposeAsync(question, Options, capability, voters, deadline);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            if (!submission.Accepted)
            {
                outcomes.Add(new ProposalOutcome(submission, right, null, null));
                continue;
            }

            ProposalSnapshot? last = null;
            DateTimeOffset? seenFinished = null;
            try
            {
                while (seenFinished is null)
                {
                    var snapshot = await api.GetProposalAsync(submission.Id!, deadline);
                    polls++;
                    pollFailures += snapshot is null ? 1 : 0;
                    last = snapshot ?? last;
                    if (snapshot is { IsFinished: true })
                    {
                        seenFinished = DateTimeOffset.UtcNow;
                    }
                    else
                    {
                        await Task.Delay(pollPause, deadline);
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Reported as unfinished below, with whatever the last poll saw.
            }

            outcomes.Add(new ProposalOutcome(submission, right, last, seenFinished));
        }

        return new ProposalSequenceResult(outcomes, polls, pollFailures, pollPause, TimedOut: deadline.IsCancellationRequested);
    }
}
