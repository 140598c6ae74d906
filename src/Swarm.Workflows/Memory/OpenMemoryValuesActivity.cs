using Microsoft.DurableTask;
using Swarm.Domain.Memory;

namespace Swarm.Workflows.Memory;

/// <summary>Opens sealed memory values a memory tool read, so the model sees text; called only when one of them is sealed.</summary>
public sealed class OpenMemoryValuesActivity(IMemorySeal seal) : TaskActivity<SealedMemoryValues, IReadOnlyList<string>>
{
    public override Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, SealedMemoryValues input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult<IReadOnlyList<string>>([.. input.Entries.Select(e => seal.Open(input.Namespace, e.Key, e.Entry))]);
    }
}

/// <summary>Input of <see cref="OpenMemoryValuesActivity"/>: entries of one namespace, in the order the values come back.</summary>
public sealed record SealedMemoryValues(string Namespace, IReadOnlyList<MemoryHit> Entries);
