using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Workflows.Distribution;

namespace Swarm.Application.Schedules;

/// <summary>
/// The learning pass (the spec's <c>learning</c> section). The swarm learns online, where work is handed out: every
/// step's release moves the agent's reputation for the step's capabilities toward its outcome, and routing reads it
/// (<see cref="Domain.Distribution.AgentSelector"/>). This pass keeps that estimate honest over time: reputation that
/// no outcome has confirmed since the last pass fades toward neutral by <c>learning:learningRate</c>, so an agent that
/// had a bad spell is tried again rather than starved by an old estimate. One signal to the dispatcher per pass.
/// </summary>
public sealed partial class LearningJob(SwarmSettings settings, ILogger<LearningJob> logger) : IPeriodicJob
{
    public string Name => "Learning";

    public string ScheduleSetting => PeriodicSchedules.LearningSetting;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!settings.Learning.Enabled)
        {
            return;
        }

        await new DispatcherClient(durable).RelaxAsync(settings.Learning.LearningRate, cancellationToken);
        LogRelaxed(logger, settings.Learning.LearningRate);
    }

    [LoggerMessage(EventId = 1541, Level = LogLevel.Information, Message = "Learning: reputation not confirmed since the last pass fades toward neutral at rate {Rate}")]
    static partial void LogRelaxed(ILogger logger, double rate);
}
