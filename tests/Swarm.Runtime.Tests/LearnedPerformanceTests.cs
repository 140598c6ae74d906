using Swarm.Domain.Agents;
using Swarm.Runtime.Schedules;

namespace Swarm.Runtime.Tests;

public sealed class LearnedPerformanceTests
{
    static AgentLedger Ledger(long completed, long failed, long latency) => new()
    {
        Profile = new AgentProfile("a", "a", AgentType.Worker, new ProviderSettings("simulated", "m"), 1),
        Completed = completed,
        Failed = failed,
        TotalLatencyMs = latency,
    };

    [Fact]
    public void The_first_observation_is_taken_as_is_and_later_ones_move_it_by_the_learning_rate()
    {
        var first = LearnedPerformance.Update(null, Ledger(3, 1, 400), rate: 0.5, DateTimeOffset.UnixEpoch)!;
        var second = LearnedPerformance.Update(first, Ledger(3, 3, 600), rate: 0.5, DateTimeOffset.UnixEpoch)!;

        Assert.Equal(0.75, first.SuccessRate, 6);
        Assert.Equal(100, first.MeanLatencyMs, 6);
        Assert.Equal(0.375, second.SuccessRate, 6); // 0.75 + 0.5 * (0 - 0.75): the two new outcomes both failed
        Assert.Equal(100, second.MeanLatencyMs, 6);
        Assert.Equal(3, second.ObservedFailed);
    }

    [Fact]
    public void Nothing_new_means_nothing_learned()
    {
        var learned = LearnedPerformance.Update(null, Ledger(2, 0, 10), 0.1, DateTimeOffset.UnixEpoch);

        Assert.Null(LearnedPerformance.Update(learned, Ledger(2, 0, 10), 0.1, DateTimeOffset.UnixEpoch));
    }
}
