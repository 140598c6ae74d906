using Microsoft.DurableTask.Client;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>
/// Consensus metrics per algorithm, over finished proposals (up to <see cref="ScanLimit"/> of them, in the store's
/// order, which is by id and so not by age; <c>complete</c> says whether that was all): proposals and rounds
/// run, decided versus not, mean rounds, time to decision (p50, p95) and mean participation (share of voters whose
/// ballot counted, per round).
/// </summary>
public static class ConsensusMetrics
{
    public const int ScanLimit = 2_000;

    public static async Task<ConsensusFigures> ReadAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = CreateProposalHandler.IdPrefix,
            Statuses = [OrchestrationRuntimeStatus.Completed],
            FetchInputsAndOutputs = true,
            PageSize = 200,
        };
        var results = new List<ProposalResult>();
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (ProposalClient.IsProposal(instance) && instance.ReadOutputAs<ProposalResult>() is { } result)
            {
                results.Add(result);
            }

            if (results.Count >= ScanLimit)
            {
                break;
            }
        }

        var byAlgorithm = results.GroupBy(r => r.Algorithm).OrderBy(g => g.Key).ToDictionary(
            g => char.ToLowerInvariant(g.Key.ToString()[0]) + g.Key.ToString()[1..],
            g =>
            {
                var decided = g.Where(r => r.Decided).ToList();
                var times = decided.Select(r => (r.EndedAt - r.StartedAt).TotalMilliseconds).Order().ToList();
                var rounds = g.SelectMany(r => r.Rounds.Select(x => (Round: x, Voters: r.Voters.Count))).ToList();
                return new AlgorithmFigures(
                    g.Count(),
                    rounds.Count,
                    decided.Count,
                    g.Count() - decided.Count,
                    g.Average(r => r.Rounds.Count),
                    new DecisionTimes(Percentile(times, 0.50), Percentile(times, 0.95)),
                    rounds.Count == 0 ? 0 : rounds.Average(x => x.Voters == 0 ? 0 : (double)x.Round.Outcome.Participants / x.Voters));
            });
        return new ConsensusFigures(results.Count, results.Count < ScanLimit, byAlgorithm);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Finished proposals (at most <see cref="ConsensusMetrics.ScanLimit"/>; <paramref name="Complete"/> says whether that was all) and the figures per algorithm.</summary>
public sealed record ConsensusFigures(int FinishedProposals, bool Complete, IReadOnlyDictionary<string, AlgorithmFigures> Algorithms);

/// <summary>One algorithm's proposals: rounds run, decided and undecided, mean rounds, time to decision and the mean share of voters who took part in a round.</summary>
public sealed record AlgorithmFigures(int Proposals, int RoundsRun, int Decided, int Undecided, double MeanRounds, DecisionTimes TimeToDecisionMs, double Participation);

/// <summary>Time from a proposal's start to its decision in milliseconds, nearest-rank percentiles; null before any was decided.</summary>
public sealed record DecisionTimes(double? P50, double? P95);
