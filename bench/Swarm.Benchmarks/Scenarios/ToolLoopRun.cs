using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// One local host's part of the tools scenario: its settings as the report states them, the tasks of each kind and the
/// direct writes, all measured on that host, interleaved, one at a time.
/// </summary>
/// <param name="Label">How the report names this host's configuration.</param>
/// <param name="MaxQueuePollingIntervalMs">The host's <c>durable.maxQueuePollingIntervalMs</c> in force.</param>
/// <param name="Tasks">Every measured task of each kind (by <see cref="ToolLoopVariant.Name"/>), finished or not.</param>
/// <param name="Sequential">Sequences of direct writes made one after another.</param>
/// <param name="Parallel">Sequences of direct writes made all at once.</param>
/// <param name="Samples">Samples of each kind it was asked for.</param>
sealed record ToolLoopRun(
    string Label,
    IReadOnlyList<string> Settings,
    int MaxQueuePollingIntervalMs,
    int PartitionCount,
    IReadOnlyDictionary<string, List<TaskOutcome>> Tasks,
    IReadOnlyList<DirectWriteRun> Sequential,
    IReadOnlyList<DirectWriteRun> Parallel,
    int Samples,
    CpuUsage Cpu,
    bool TimedOut)
{
    /// <summary>The completed tasks of a kind whose answer took the model calls and tool calls the kind should: the ones measured.</summary>
    public IReadOnlyList<TaskOutcome> Kept(ToolLoopVariant variant) =>
        [.. Tasks[variant.Name].Where(o => o.Last is { IsCompleted: true } last && last.Turns == variant.ExpectedTurns && (last.ToolCalls ?? 0) == variant.ExpectedToolCalls)];

    /// <summary>Tasks of a kind that did not complete, or completed with other numbers of turns or tool calls than expected.</summary>
    public IReadOnlyList<TaskOutcome> Odd(ToolLoopVariant variant)
    {
        var kept = Kept(variant);
        return [.. Tasks[variant.Name].Where(o => !kept.Contains(o))];
    }

    /// <summary>POST until the host's completion time.</summary>
    public IReadOnlyList<double> EndToEnd(ToolLoopVariant variant) => [.. Kept(variant).Select(o => o.EndToEnd!.Value.TotalMilliseconds)];

    /// <summary>The agent's step, by the orchestration's clock: seat claimed until the answer was in (recall, every turn and every tool round).</summary>
    public IReadOnlyList<double> Step(ToolLoopVariant variant) =>
        [.. Kept(variant).Select(o => o.Last!.AnsweredAt - o.Last.ClaimedAt).OfType<TimeSpan>().Select(t => t.TotalMilliseconds)];

    /// <summary>The model calls' time, as the activities measured it, summed over the task's turns.</summary>
    public IReadOnlyList<double> ModelTime(ToolLoopVariant variant) => [.. Kept(variant).Select(o => o.Last!.ModelLatencyMs ?? 0)];

    /// <summary>The sequences of writes made one after another in which every write read back: the ones measured.</summary>
    public IReadOnlyList<DirectWriteRun> SequentialApplied => [.. Sequential.Where(r => r.AllApplied)];

    /// <summary>The sequences of writes made all at once in which every write read back: the ones measured.</summary>
    public IReadOnlyList<DirectWriteRun> ParallelApplied => [.. Parallel.Where(r => r.AllApplied)];

    public static LatencySummary? Of(IEnumerable<double> values) => LatencySummary.Of(values);
}
