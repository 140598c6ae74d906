using Microsoft.DurableTask.Client;
using Swarm.Application.Memory;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Learning;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Patterns;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Learning;

/// <summary>
/// Delivers a person's rating of a finished task to everyone who learns from it: the task's ratings (their owner); the
/// task atlas's shard (a copy beside the task's fingerprint, for recall, lessons and <c>auto</c>); the
/// dispatch board, as one <c>feedback</c> skill signal per agent that worked on it (value <c>(rating − 1) / 4</c>, weight
/// 2, id <c>feedback:{taskId}:{rater}:{agent}</c> so a retried signal counts once); and each agent, in its own memory namespace (<c>feedback.{taskId}</c>, sealed when encryption at rest
/// is on, so recall puts it before the agent on related work) and, when it is connected, as a <c>task_feedback</c> event.
/// Every durable part is a signal, so rating never waits on a running task or entity.
/// </summary>
public sealed class FeedbackRecorder(MemorySealer sealer, IRealtimeChannel channel)
{
    /// <summary>How long the best-effort events may take in all; the rating is durable without them.</summary>
    static readonly TimeSpan EventLimit = TimeSpan.FromSeconds(2);

    /// <summary>How much a rating counts against one step's outcome (docs/design/learning.md §1.2).</summary>
    public const double FeedbackWeight = 2;

    public static string MemoryKeyFor(string taskId) => "feedback." + taskId;

    /// <param name="capabilities">The task's capabilities: they name the atlas shard that holds its fingerprint.</param>
    public async Task RecordAsync(DurableTaskClient durable, string taskId, IReadOnlyList<string> capabilities, Rating rating, IReadOnlyList<RatedWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(work);
        await new FeedbackClient(durable).RateAsync(taskId, rating, cancellationToken);

        // The atlas keeps a copy beside the task's fingerprint (or until it arrives), for recall: what people thought of
        // similar tasks steers auto's strategy and writes a lesson when poor.
        await new PatternsClient(durable).RateAsync(CapabilityKey.Of(capabilities), new TaskRating(taskId, rating), cancellationToken);
        var board = new DispatcherClient(durable);
        foreach (var agent in work)
        {
            await board.LearnAsync(SignalFor(taskId, rating, agent), cancellationToken);
        }

        var memory = new MemoryClient(durable);
        foreach (var agent in work)
        {
            var key = MemoryKeyFor(taskId);
            var note = $"{rating.By} rated task {taskId} {rating.Value}/{Rating.Highest} for your work on it ({string.Join(", ", agent.Capabilities)})"
                + (rating.Comment is { Length: > 0 } comment ? $": {comment}" : ".");
            await memory.PutAsync(agent.AgentId, new MemoryWrite(key, sealer.Seal(agent.AgentId, key, note, rating.At, rating.By)), cancellationToken);
        }

        await TellConnectedAgentsAsync(taskId, rating, work, cancellationToken);
    }

    /// <summary>What a rating teaches the board about one agent: a person's judgement weighs as two steps' outcomes.</summary>
    public static SkillSignal SignalFor(string taskId, Rating rating, RatedWork work)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(work);
        return new SkillSignal($"feedback:{taskId}:{rating.By}:{work.AgentId}", SkillKind.Feedback, work.AgentId, work.Capabilities, rating.Score, FeedbackWeight, rating.At);
    }

    async Task TellConnectedAgentsAsync(string taskId, Rating rating, IReadOnlyList<RatedWork> work, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(EventLimit);
        try
        {
            foreach (var agent in work)
            {
                if (await channel.HasConnectionsAsync(RealtimeEvents.AgentUser(agent.AgentId), limit.Token))
                {
                    await channel.SendAsync(RealtimeEvents.Feedback(agent.AgentId, taskId, rating.By, rating.Value, rating.Comment, rating.At), limit.Token);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A notice, not the record: the rating is in the task's ratings and the agents' memory whether or not the
            // channel took it, so a channel that is down or slow does not fail the request.
        }
    }
}
