using Microsoft.DurableTask;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using Swarm.Workflows.Models;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Patterns;

/// <summary>
/// A task's two contacts with its atlas shard, from its orchestration: recall before the strategy is chosen (one entity
/// call), and its fingerprint signalled at the end (the task never waits on it). Both are skipped when the task's input
/// has no <see cref="PatternOptions"/>, so an old history replays exactly as it ran. With <see cref="PatternOptions.Embed"/>
/// the prompt is embedded once, before recall, and the vector serves both recall and the fingerprint.
/// </summary>
public static class PatternRecall
{
    /// <summary>Characters of a task id the timeline shows when it names where a lesson came from.</summary>
    const int ShownIdLength = 13;

    /// <summary>
    /// Recalls the task's similar past tasks and the lessons they teach, and says so in the timeline. The recall carries
    /// the prompt's vector when the task embeds, for its fingerprint.
    /// </summary>
    public static async Task<Recall> RecallAsync(TaskOrchestrationContext context, TaskRunInput input, TermCounts terms, TaskTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tracker);
        if (input.Patterns is not { } options)
        {
            return Recall.Nothing;
        }

        var embedding = options.Embed ? await EmbedAsync(context, input.Prompt, tracker) : null;
        var shard = CapabilityKey.Of(input.Capabilities);
        var query = new SimilarQuery(terms, options.Neighbours, options.MinSimilarity, ExcludeTaskId: input.TaskId, Embedding: embedding);
        // Only a task with pattern keys asks the newer operation, so histories from before them replay their own call.
        var (neighbours, pattern) = options.Keys is { } keys && embedding is not null
            ? await context.Entities.CallEntityAsync<AtlasRecognition>(TaskAtlasEntity.IdFor(shard), nameof(TaskAtlasEntity.Recognise), new PatternQuery(query, keys)) is { } recognised
                ? (recognised.Similar, recognised.Pattern)
                : ([], null)
            : (await context.Entities.CallEntityAsync<IReadOnlyList<SimilarTask>>(TaskAtlasEntity.IdFor(shard), nameof(TaskAtlasEntity.Similar), query), (int?)null);
        var recall = new Recall(neighbours ?? [], SimilarTasks.LessonsFor(neighbours ?? [], input.SubmittedBy, options.ShareLessons), embedding, shard, pattern);
        tracker.Record("recall", recall.Describe(input.Capabilities));
        if (recall.Lessons.Count > 0)
        {
            tracker.Record("lessons", $"{recall.Lessons.Count} from similar tasks ({string.Join(", ", recall.Lessons.Select(l => Shown(l.TaskId)))})");
        }

        return recall;
    }

    /// <summary>
    /// The prompt's vector, or null when the model failed: a vector only sharpens recognition, so the task goes on by
    /// words alone (and its fingerprint has none) rather than fail for it; the timeline says so.
    /// </summary>
    static async Task<QuantizedEmbedding?> EmbedAsync(TaskOrchestrationContext context, string prompt, TaskTracker tracker)
    {
        try
        {
            return await context.CallActivityAsync<QuantizedEmbedding?>(nameof(EmbedTextActivity), new TextToEmbed(prompt));
        }
        catch (TaskFailedException)
        {
            tracker.Record("embedding", "the embedding model failed; similar tasks are found by words alone");
            return null;
        }
    }

    /// <summary>Signals the task's fingerprint to its shard; nothing when recognition is off for the task.</summary>
    public static async Task RememberAsync(TaskOrchestrationContext context, TaskRunInput input, TaskFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (input.Patterns is not { } options)
        {
            return;
        }

        await context.Entities.SignalEntityAsync(
            TaskAtlasEntity.IdFor(fingerprint.CapabilityKey), nameof(TaskAtlasEntity.Add), new AtlasEntry(fingerprint, options.MaxPerShard, options.Keys));
    }

    /// <summary>A fingerprint as recall hands it out: without term counts, vector or the people's comments.</summary>
    public static TaskFingerprint Trimmed(TaskFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return fingerprint with { Terms = TermCounts.Empty, Embedding = null, Ratings = fingerprint.Ratings?.Select(r => r with { Comment = null }).ToList() };
    }

    static string Shown(string taskId) => taskId.Length <= ShownIdLength ? taskId : taskId[..ShownIdLength] + "…";
}
