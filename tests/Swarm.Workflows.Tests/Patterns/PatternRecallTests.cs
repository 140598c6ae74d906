using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using Swarm.Tests;
using Swarm.Workflows.Patterns;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Tests.Patterns;

/// <summary>
/// A task whose input has no pattern options (recognition off, or a history from before it existed) recalls nothing and
/// signals nothing: on the in-process test host, which has no entities, any entity call would fail the orchestration.
/// </summary>
public sealed class PatternRecallTests
{
    /// <summary>Recalls and remembers as <see cref="TaskRunOrchestrator"/> does; answers what it recalled and recorded.</summary>
    public sealed class RecallProbe : TaskOrchestrator<TaskRunInput, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, TaskRunInput input)
        {
            var tracker = new TaskTracker(context);
            var terms = PromptTerms.From(input.Prompt);
            var recall = await PatternRecall.RecallAsync(context, input, terms, tracker);
            await PatternRecall.RememberAsync(context, input, new TaskFingerprint(
                input.TaskId, context.CurrentUtcDateTime, null, CapabilityKey.General, [], TaskStrategy.Single, TaskRunStatus.Completed, null, 0, 0, [], terms));
            return $"{recall.Neighbours.Count} neighbours, {tracker.Timeline.Count} timeline lines, strategies {(recall.Strategies is null ? "none" : "some")}";
        }
    }

    static TaskRunInput Input(PatternOptions? patterns) =>
        new("task-1", "write a sql query", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(1), 3, null, false, TimeSpan.FromDays(1), Patterns: patterns);

    static async Task<OrchestrationMetadata> RunAsync(TaskRunInput input)
    {
        await using var host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddOrchestrator<RecallProbe>(),
            new DurableTaskTestHostOptions { Port = FreePorts.Next() });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RecallProbe), input);
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task Without_pattern_options_a_task_recalls_nothing_and_leaves_no_fingerprint()
    {
        var result = await RunAsync(Input(patterns: null));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("0 neighbours, 0 timeline lines, strategies none", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task With_pattern_options_a_task_calls_its_atlas_shard()
    {
        // The control for the test above: the same probe with options does reach for an entity, which this host lacks.
        var result = await RunAsync(Input(new PatternOptions(20, 0.25, false, 500)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
    }

    [Fact]
    public void Recall_hands_out_fingerprints_without_their_vectors()
    {
        var fingerprint = new TaskFingerprint("t1", DateTimeOffset.UnixEpoch, null, CapabilityKey.General, [], TaskStrategy.Single, TaskRunStatus.Completed, null, 0, 0, [],
            PromptTerms.From("write a sql query"), Embedding: Swarm.Domain.Learning.QuantizedEmbedding.From("openai:m", [1f, 0.5f]));

        var trimmed = PatternRecall.Trimmed(fingerprint);

        Assert.Null(trimmed.Embedding);
        Assert.True(trimmed.Terms.IsEmpty);
        Assert.Equal("t1", trimmed.TaskId);
    }
}
