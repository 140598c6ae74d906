namespace Swarm.Application.Security.ApiKeys;

/// <summary>Where API key records live. Records are never deleted: a revoked key stays, marked, so its id is never reused.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false if the agent has no key with that id.</summary>
    Task<bool> RevokeAsync(string agentId, string keyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Revokes every key of the agent (when it retires); returns how many were still active.</summary>
    Task<int> RevokeAllAsync(string agentId, DateTimeOffset at, CancellationToken cancellationToken);
}
