namespace Swarm.Application.Security.ApiKeys;

/// <summary>A stored API key: bound to one agent, holding only the hash of its secret.</summary>
public sealed record ApiKeyRecord(string KeyId, string AgentId, byte[] SecretHash, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
