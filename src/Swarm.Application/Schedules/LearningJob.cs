using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Workflows.Distribution;

namespace Swarm.Application.Schedules;

/// <summary>
/// The learning pass (the spec's <c>learning</c> section). The swarm learns online, where work is handed out: every
/// signal (a step's release, a consensus vote, a rating) moves the agent's skill estimate for its capabilities on the
/// dispatch board, and routing reads it (<see cref="Domain.Distribution.AgentSelector"/>). This pass first tells the
/// board the settings (<see cref="LearningSettings.Policy"/>: algorithm, rates, on or off), so one owner holds them and a
/// step served from the line uses the current ones; then, when learning is on, it keeps the estimates honest over time:
/// skill no signal confirmed since the last pass loses evidence at <c>learning:learningRate</c> (mean toward one half,
/// doubt wider), so an agent that had a bad spell is tried again rather than starved by an old estimate. It also runs
/// when the host starts, so the board knows the settings before the first scheduled pass (a restart costs one extra
/// pass: unconfirmed evidence shrinks by η once more).
/// </summary>
public sealed partial class LearningJob(SwarmSettings settings, ILogger<LearningJob> logger) : IPeriodicJob
{
    public string Name => "Learning";

    public string ScheduleSetting => PeriodicSchedules.LearningSetting;

    public bool RunsAtStartup => true;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var dispatcher = new DispatcherClient(durable, settings.Dispatch.Shards);
        var policy = settings.Learning.Policy;
        await dispatcher.ConfigureAsync(policy, cancellationToken);
        if (!policy.Enabled)
        {
            LogOff(logger);
            return;
        }

        await dispatcher.RelaxAsync(policy.LearningRate, cancellationToken);
        LogRelaxed(logger, policy.AlgorithmName, policy.LearningRate, policy.ExplorationRate);
    }

    [LoggerMessage(EventId = 1541, Level = LogLevel.Information, Message = "Learning: {Algorithm} routing (exploration {Exploration}); skill not confirmed since the last pass loses evidence at rate {Rate}")]
    static partial void LogRelaxed(ILogger logger, string algorithm, double rate, double exploration);

    [LoggerMessage(EventId = 1542, Level = LogLevel.Information, Message = "Learning is off: routing ignores skill and the board ignores signals")]
    static partial void LogOff(ILogger logger);
}
