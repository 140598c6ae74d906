using Swarm.Domain.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The learning policy as the system state shows it: what the dispatch board routes and learns by now (the
/// <c>learning</c> settings once the learning pass has told it; the defaults before), and whether it has been told.
/// </summary>
/// <param name="Algorithm">greedy, epsilon-greedy, thompson, hybrid or ucb.</param>
/// <param name="Configured">False until the learning pass (which also runs at startup) has told the board the settings.</param>
public sealed record LearningStatus(bool Enabled, string Algorithm, double LearningRate, double ExplorationRate, bool Configured)
{
    public static LearningStatus Of(DispatchBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var policy = board.EffectivePolicy;
        return new(policy.Enabled, policy.AlgorithmName, policy.LearningRate, policy.ExplorationRate, board.Policy is not null);
    }
}
