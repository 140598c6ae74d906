using Microsoft.DurableTask;
using Swarm.Domain.Memory;

namespace Swarm.Workflows.Memory;

/// <summary>Seals a value a memory tool is about to store, when encryption at rest is on; called only then.</summary>
public sealed class SealMemoryValueActivity(IMemorySeal seal) : TaskActivity<MemoryValueToSeal, MemoryEntry>
{
    public override Task<MemoryEntry> RunAsync(TaskActivityContext context, MemoryValueToSeal input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(seal.Seal(input.Namespace, input.Key, input.Value, input.At, input.By));
    }
}

/// <summary>Input of <see cref="SealMemoryValueActivity"/>.</summary>
public sealed record MemoryValueToSeal(string Namespace, string Key, string Value, DateTimeOffset At, string By);
