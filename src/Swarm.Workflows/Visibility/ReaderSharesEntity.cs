using Microsoft.DurableTask.Entities;
using Swarm.Domain.Visibility;

namespace Swarm.Workflows.Visibility;

/// <summary>
/// One reader's shares (<see cref="ReaderShares"/>), keyed by <see cref="ReaderShares.KeyOf"/>: their one owner. Kept by
/// reader, not by task, so deciding what one caller may read (a whole page of tasks) costs one read per reader it is
/// (its subject and each of its roles), not one per task. Signalled, so a repeated share is harmless.
/// </summary>
public sealed class ReaderSharesEntity : TaskEntity<ReaderShares>
{
    /// <summary>The entity name. The runtime lowercases entity names, so it is written lowercase here.</summary>
    public const string EntityName = "readershares";

    public static EntityInstanceId IdFor(string reader) => new(EntityName, ReaderShares.KeyOf(reader));

    public void Share(string resourceId) => State = State.With(resourceId);

    public ReaderShares Get() => State;

    protected override ReaderShares InitializeState(TaskEntityOperation entityOperation) => new();
}
