namespace Swarm.Domain.Tasks;

/// <summary>A task as a client submits it, before validation.</summary>
/// <param name="Prompt">What the agent is asked to do.</param>
/// <param name="Priority">1 (lowest) to 10 (highest); 5 when omitted.</param>
/// <param name="Metadata">Free-form string pairs the client wants kept with the task.</param>
public sealed record TaskRequest(string? Prompt, int? Priority = null, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public const int DefaultPriority = 5;

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
}
