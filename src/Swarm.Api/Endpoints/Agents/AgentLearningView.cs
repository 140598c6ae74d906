using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// What the dispatch board has learnt of an agent (docs/design/learning.md §1): per capability key its skill (mean,
/// evidence, 90 % interval, when a signal last changed it), and the trace of the last changes, newest first, each naming
/// the signal behind it (a task's seat, a proposal's vote, a reset or a learning pass). Empty for an agent not on the board.
/// </summary>
/// <param name="ResetAt">When an operator last reset its skill.</param>
public sealed record AgentLearningView(IReadOnlyDictionary<string, SkillView> Skills, IReadOnlyList<SkillTraceLine> Trace, DateTimeOffset? ResetAt)
{
    public static AgentLearningView From(BoardAgent? onBoard)
    {
        if (onBoard is null)
        {
            return new(new Dictionary<string, SkillView>(), [], null);
        }

        var skills = onBoard.EstimatesOrMigrated()
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => SkillView.Of(s.Value), StringComparer.Ordinal);
        return new(skills, [.. (onBoard.SkillTrace ?? []).Select(SkillTraceLine.Of)], onBoard.SkillResetAt);
    }
}

/// <summary>One capability's skill: the posterior mean, the evidence n it rests on, and the 90 % interval [low, high].</summary>
public sealed record SkillView(double Mean, double Evidence, double Low, double High, DateTimeOffset? UpdatedAt)
{
    public static SkillView Of(SkillEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var interval = BetaInterval.Of(estimate);
        return new(Math.Round(estimate.Mean, 4), Math.Round(estimate.Evidence, 3), Math.Round(interval.Low, 4), Math.Round(interval.High, 4), estimate.UpdatedAt);
    }
}

/// <summary>One change to a skill: the signal (its id names the cause), its kind, the key, y and w, and the mean before and after.</summary>
/// <param name="Kind">outcome, late, consensus, feedback, relax or reset.</param>
/// <param name="Times">For merged learning passes, how many; 1 otherwise.</param>
/// <param name="Since">For merged learning passes, when the first ran.</param>
public sealed record SkillTraceLine(string Signal, string Kind, string Key, double Value, double Weight, double MeanBefore, double MeanAfter, DateTimeOffset At, int Times, DateTimeOffset? Since)
{
    public static SkillTraceLine Of(SkillUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new(update.SignalId, RoutingCounts.NameOf(update.Kind), update.Key, update.Value, update.Weight, Math.Round(update.MeanBefore, 4), Math.Round(update.MeanAfter, 4), update.At, update.Times, update.Since);
    }
}
