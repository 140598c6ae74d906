using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>A task as a client submits it, before validation.</summary>
/// <param name="Prompt">What the agent is asked to do.</param>
/// <param name="Priority">1 (lowest) to 10 (highest); 5 when omitted.</param>
/// <param name="Metadata">Free-form string pairs the client wants kept with the task.</param>
/// <param name="Capabilities">Expertise the agent must have (for a hierarchical task: what the subtasks may need).</param>
/// <param name="Strategy">How the work is spread; <see cref="TaskStrategy.Auto"/> when omitted.</param>
/// <param name="Agents">How many agents answer a parallel task (2 to 10).</param>
/// <param name="Stages">The stages of a pipeline task, in order.</param>
/// <param name="Merge">Whether a queen merges the answers of a parallel task into one.</param>
/// <param name="TimeoutSeconds">How long the task may take from acceptance; it fails visibly when exceeded.</param>
/// <param name="RequiresApproval">Whether a person must approve the task before any agent works on it.</param>
/// <param name="Notify">Whether the submitter is told on the real-time channel when the task ends (<c>task_finished</c>).</param>
/// <param name="Stream">Whether the agents' answers are sent as they are generated (<c>task_delta</c>), then <c>task_finished</c>.</param>
/// <param name="SharedWith">Who else may read it besides its submitter: subjects, or <c>role:{name}</c> (see <c>ShareTargets</c>).</param>
public sealed record TaskRequest(
    string? Prompt,
    int? Priority = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    IReadOnlyList<string>? Capabilities = null,
    TaskStrategy? Strategy = null,
    int? Agents = null,
    IReadOnlyList<TaskStage>? Stages = null,
    bool? Merge = null,
    int? TimeoutSeconds = null,
    bool? RequiresApproval = null,
    // Left out of the JSON when absent, so the fingerprint of a request written before the field existed is unchanged
    // (an idempotent retry across an upgrade must still match).
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    bool? Notify = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    bool? Stream = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? SharedWith = null)
{
    public const int DefaultPriority = 5;

    public const int MaxAgents = 10;

    public const int MaxStages = 8;

    /// <summary>Checks the request against <paramref name="limits"/>; every problem names its field.</summary>
    public IReadOnlyList<FieldError> Validate(TaskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Prompt))
        {
            errors.Add(new("prompt", "is required and must not be blank."));
        }
        else if (Prompt.Length > limits.MaxPromptLength)
        {
            errors.Add(new("prompt", $"is {Prompt.Length} characters; the limit is {limits.MaxPromptLength}."));
        }

        if (Priority is < 1 or > 10)
        {
            errors.Add(new("priority", "must be between 1 and 10."));
        }

        foreach (var (capability, i) in (Capabilities ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(capability) || capability.Length > 64)
            {
                errors.Add(new($"capabilities[{i}]", "must be 1 to 64 characters."));
            }
        }

        if ((Capabilities?.Count ?? 0) > 16)
        {
            errors.Add(new("capabilities", "names more than 16 capabilities."));
        }

        ValidateShape(errors);
        if (TimeoutSeconds is < 1 or > 7 * 86_400)
        {
            errors.Add(new("timeoutSeconds", "must be between 1 and 604800 (a week)."));
        }

        if (Metadata is not null)
        {
            if (Metadata.Count > limits.MaxMetadataEntries)
            {
                errors.Add(new("metadata", $"has {Metadata.Count} entries; the limit is {limits.MaxMetadataEntries}."));
            }

            foreach (var (key, value) in Metadata)
            {
                if (key.Length is 0 or > 64 || (value?.Length ?? 0) > limits.MaxMetadataValueLength)
                {
                    errors.Add(new($"metadata.{key}", $"keys must be 1 to 64 characters and values at most {limits.MaxMetadataValueLength}."));
                }
            }
        }

        return errors;
    }

    void ValidateShape(List<FieldError> errors)
    {
        var strategy = Strategy ?? TaskStrategy.Auto;
        var manyAgents = strategy is TaskStrategy.Parallel or TaskStrategy.Consensus or TaskStrategy.Auto;
        if (Agents is { } agents && (agents < 1 || agents > MaxAgents))
        {
            errors.Add(new("agents", $"must be between 1 and {MaxAgents}."));
        }
        else if (Agents is > 1 && !manyAgents)
        {
            errors.Add(new("agents", $"applies to the parallel and consensus strategies, not '{strategy.ToString().ToLowerInvariant()}'."));
        }

        if (strategy is TaskStrategy.Parallel or TaskStrategy.Consensus && (Agents ?? 3) < 2)
        {
            errors.Add(new("agents", $"must be at least 2 for a {strategy.ToString().ToLowerInvariant()} task."));
        }

        var stages = Stages ?? [];
        if (stages.Count > 0 && strategy is not (TaskStrategy.Pipeline or TaskStrategy.Auto))
        {
            errors.Add(new("stages", $"apply to the pipeline strategy, not '{strategy.ToString().ToLowerInvariant()}'."));
        }

        if (strategy == TaskStrategy.Pipeline && stages.Count < 2)
        {
            errors.Add(new("stages", "a pipeline needs at least 2 stages."));
        }

        if (stages.Count > MaxStages)
        {
            errors.Add(new("stages", $"has {stages.Count} stages; the limit is {MaxStages}."));
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (stage is null || string.IsNullOrWhiteSpace(stage.Instruction) || stage.Instruction.Length > 4_000)
            {
                errors.Add(new($"stages[{i}].instruction", "is required and at most 4000 characters."));
            }

            if (stage?.Name is { Length: > 64 })
            {
                errors.Add(new($"stages[{i}].name", "is at most 64 characters."));
            }

            if (stage?.Capabilities?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 64) == true)
            {
                errors.Add(new($"stages[{i}].capabilities", "each must be 1 to 64 characters."));
            }
        }

        if (Merge == true && strategy is not (TaskStrategy.Parallel or TaskStrategy.Auto))
        {
            errors.Add(new("merge", "applies to the parallel strategy."));
        }
    }
}
