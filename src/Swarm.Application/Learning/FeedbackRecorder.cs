using Microsoft.DurableTask.Client;
using Swarm.Application.Memory;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using Swarm.Workflows.Learning;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Learning;

/// <summary>
/// Delivers a person's rating of a finished task to everyone who learns from it, through the task's ratings (their
/// owner), which pass it on only when they keep it (<see cref="RatingDelivery"/>): the task atlas's shard (a copy beside the task's fingerprint, for recall, lessons and <c>auto</c>); the
/// dispatch board, as one <c>feedback</c> skill signal per agent that worked on it (value <c>(rating − 1) / 4</c>, weight
/// 2, id <c>feedback:{taskId}:{rater}:{agent}</c> so a retried signal counts once); and each agent, in its own memory namespace (<c>feedback.{taskId}</c>, sealed when encryption at rest
/// is on, so recall puts it before the agent on related work) and, when it is connected, as a <c>task_feedback</c> event.
/// Every durable part is a signal, so rating never waits on a running task or entity; the request only reads the
/// ratings back to answer truthfully whether this rating was the one kept.
/// </summary>
public sealed class FeedbackRecorder(MemorySealer sealer, IRealtimeChannel channel, Configuration.SwarmSettings settings)
{
    /// <summary>How long the best-effort events may take in all; the rating is durable without them.</summary>
    static readonly TimeSpan EventLimit = TimeSpan.FromSeconds(2);

    /// <summary>How much a rating counts against one step's outcome (docs/design/learning.md §1.2).</summary>
    public const double FeedbackWeight = 2;

    /// <summary>How long a request waits to see whether its rating was kept; past it, the answer says it is pending.</summary>
    public static readonly TimeSpan VerdictWait = TimeSpan.FromSeconds(5);

    public static string MemoryKeyFor(string taskId) => "feedback." + taskId;

    /// <param name="capabilities">The task's capabilities: they name the atlas shard that holds its fingerprint.</param>
    /// <returns>
    /// Whether the task's ratings kept this rating. They decide, one signal at a time, so of two racing ratings by one
    /// person exactly one is kept and teaches; the request waits up to <see cref="VerdictWait"/> to see which.
    /// </returns>
    public async Task<RatingVerdict> RecordAsync(DurableTaskClient durable, string taskId, IReadOnlyList<string> capabilities, Rating rating, IReadOnlyList<RatedWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(work);
        var feedback = new FeedbackClient(durable);
        await feedback.DeliverAsync(DeliveryFor(taskId, capabilities, rating, work), cancellationToken);
        var verdict = await AwaitVerdictAsync(feedback, taskId, rating, cancellationToken);
        if (verdict.Outcome is RatingOutcomeSeen.Kept or RatingOutcomeSeen.Pending)
        {
            await TellConnectedAgentsAsync(taskId, rating, work, cancellationToken);
        }

        return verdict;
    }

    /// <summary>
    /// The rating and what it teaches: the atlas keeps a copy beside the task's fingerprint (what people thought of similar
    /// tasks steers auto's strategy and writes a lesson when poor), the board a skill signal per agent, and each agent a
    /// note in its own memory (sealed when encryption at rest is on).
    /// </summary>
    RatingDelivery DeliveryFor(string taskId, IReadOnlyList<string> capabilities, Rating rating, IReadOnlyList<RatedWork> work)
    {
        var key = MemoryKeyFor(taskId);
        var notes = work.Select(agent =>
        {
            var note = $"{rating.By} rated task {taskId} {rating.Value}/{Rating.Highest} for your work on it ({string.Join(", ", agent.Capabilities.Where(k => !PatternKey.IsPattern(k)))})"
                + (rating.Comment is { Length: > 0 } comment ? $": {comment}" : ".");
            return new AgentMemoryNote(agent.AgentId, new MemoryWrite(key, sealer.Seal(agent.AgentId, key, note, rating.At, rating.By)));
        });
        return new RatingDelivery(taskId, rating, CapabilityKey.Of(capabilities), [.. work.Select(w => SignalFor(taskId, rating, w))], [.. notes], settings.Dispatch.Shards);
    }

    /// <summary>
    /// Reads the task's ratings until they hold this rater's rating or are full. The rating's own time tells this request's
    /// rating from an earlier or racing one.
    /// </summary>
    static async Task<RatingVerdict> AwaitVerdictAsync(FeedbackClient feedback, string taskId, Rating rating, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var ratings = await feedback.GetAsync(taskId, cancellationToken);
            if (ratings.By(rating.By) is { } kept)
            {
                return new RatingVerdict(kept == rating ? RatingOutcomeSeen.Kept : RatingOutcomeSeen.AlreadyRated, kept);
            }

            if (ratings.IsFull)
            {
                return new RatingVerdict(RatingOutcomeSeen.Full, null);
            }

            if (waited >= VerdictWait)
            {
                return new RatingVerdict(RatingOutcomeSeen.Pending, null);
            }

            await Task.Delay(pause, cancellationToken);
            waited += pause;
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(400).Ticks));
        }
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
