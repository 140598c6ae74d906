using Swarm.Domain.Memory;

namespace Swarm.Workflows.Memory;

/// <summary>
/// Encryption at rest of memory values (<c>security:encryptionEnabled</c>), as the memory tools' activities use it.
/// Implemented by the hosts' runtime; sealing draws a random nonce, so it must run in an activity, never in an orchestration.
/// </summary>
public interface IMemorySeal
{
    /// <summary>The value as it is stored: sealed when encryption is on, as given otherwise.</summary>
    MemoryEntry Seal(string memoryNamespace, string key, string value, DateTimeOffset at, string by);

    /// <summary>A stored value as plain text.</summary>
    string Open(string memoryNamespace, string key, MemoryEntry entry);
}
