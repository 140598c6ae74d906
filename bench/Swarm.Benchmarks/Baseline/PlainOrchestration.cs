using DurableTask.Core;

namespace Swarm.Benchmarks.Baseline;

/// <summary>What a user would build without the swarm: one orchestration that calls one activity and returns its answer.</summary>
sealed class PlainOrchestration : TaskOrchestration<string, string>
{
    public override Task<string> RunTask(OrchestrationContext context, string input) =>
        context.ScheduleTask<string>(PlainModelCallActivity.Name, string.Empty, input);
}
