using Swarm.Application.Security.Encryption;
using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;

namespace Swarm.Application.Memory;

/// <summary>
/// Seals memory values before they are stored when encryption at rest is on (<c>security:encryptionEnabled</c>), and
/// opens them when read. The associated data names the namespace and key, so a sealed value moved elsewhere will not open.
/// </summary>
public sealed class MemorySealer(SecretProtector? protector = null) : IMemorySeal
{
    public MemoryEntry Seal(string memoryNamespace, string key, string value, DateTimeOffset at, string by)
    {
        var (stored, sealedValue) = Seal(memoryNamespace, key, value);
        return new MemoryEntry(stored, at, by, sealedValue);
    }

    public (string Value, bool Sealed) Seal(string memoryNamespace, string key, string value) =>
        protector is null ? (value, false) : (protector.Protect(value, Context(memoryNamespace, key)), true);

    public string Open(string memoryNamespace, string key, MemoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Sealed)
        {
            return entry.Value;
        }

        return protector?.Unprotect(entry.Value, Context(memoryNamespace, key))
            ?? throw new InvalidOperationException("A sealed memory value was read while encryption at rest is off; set security:encryptionEnabled and its keys.");
    }

    static string Context(string memoryNamespace, string key) => $"memory:{memoryNamespace}:{key}";
}
