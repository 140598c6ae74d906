using DurableTask.Core;

namespace Swarm.Benchmarks.Baseline;

/// <summary>The baseline's one activity: stands in for a model call by waiting as long as the simulated provider does.</summary>
sealed class PlainModelCallActivity(TimeSpan latency) : AsyncTaskActivity<string, string>
{
    public static string Name { get; } = NameVersionHelper.GetDefaultName(typeof(PlainModelCallActivity));

    protected override async Task<string> ExecuteAsync(TaskContext context, string input)
    {
        await Task.Delay(latency);
        return "answer to " + input;
    }
}
