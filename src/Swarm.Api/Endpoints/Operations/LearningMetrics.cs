using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The system metrics' <c>learning</c> section, from the dispatch board (the one owner of skill): the policy in force,
/// seat decisions and skill updates by kind (exact and persisted: <see cref="RoutingCounts"/>), how many agents have an
/// estimate, and per capability key the spread of the agents' estimated success (min, median, max of the means).
/// </summary>
public static class LearningMetrics
{
    public static object Read(DispatchBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var policy = board.EffectivePolicy;
        var estimates = board.Agents.Values
            .SelectMany(a => (a.Skills ?? new Dictionary<string, SkillEstimate>()).Where(s => s.Value.Signals > 0).Select(s => (Agent: a.Id, Key: s.Key, s.Value.Mean)))
            .ToList();
        var keys = estimates.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var means = g.Select(e => e.Mean).Order().ToList();
                return new { agents = means.Count, min = means[0], median = Median(means), max = means[^1] };
            });
        var routing = board.Routing ?? RoutingCounts.None;
        return new
        {
            policy = new { algorithm = policy.AlgorithmName, policy.LearningRate, policy.ExplorationRate, policy.Enabled },
            decisions = routing.Decisions,
            updates = routing.Updates,
            agentsWithEstimates = estimates.Select(e => e.Agent).Distinct(StringComparer.Ordinal).Count(),
            keys,
        };
    }

    static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
