using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Security.ApiKeys;

/// <summary>
/// Issues, verifies and revokes agent API keys. The plain key exists only in the response that issues it. A revocation
/// also closes the agent's real-time connections, which were opened with a credential that may no longer be valid; the
/// agent reconnects with a good one.
/// </summary>
public sealed class ApiKeyService(IApiKeyStore store, TimeProvider time, IRealtimeChannel? realtime = null, ILogger<ApiKeyService>? logger = null) : Workflows.Agents.IAgentCredentials
{
    public async Task<(ApiKeyRecord Record, string Key)> IssueAsync(string agentId, string issuedBy, CancellationToken cancellationToken)
    {
        var (keyId, secret, key) = ApiKeyFormat.New();
        var record = new ApiKeyRecord(keyId, agentId, ApiKeyFormat.Hash(secret), time.GetUtcNow(), issuedBy);
        await store.AddAsync(record, cancellationToken);
        return (record, key);
    }

    /// <summary>The key's record if the key is well formed, known, unrevoked and its secret matches; otherwise null.</summary>
    public async Task<ApiKeyRecord?> VerifyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(presentedKey, out var keyId, out var secret))
        {
            return null;
        }

        var record = await store.FindAsync(keyId, cancellationToken);
        if (record is null || record.IsRevoked)
        {
            return null;
        }

        // Constant-time comparison, so response timing says nothing about how much of the secret was right.
        return CryptographicOperations.FixedTimeEquals(record.SecretHash, ApiKeyFormat.Hash(secret)) ? record : null;
    }

    /// <summary>True while the key exists and is not revoked: sessions minted from a key end when it is revoked.</summary>
    public async Task<bool> IsActiveAsync(string keyId, CancellationToken cancellationToken) =>
        await store.FindAsync(keyId, cancellationToken) is { IsRevoked: false };

    public async Task<bool> RevokeAsync(string agentId, string keyId, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeAsync(agentId, keyId, time.GetUtcNow(), cancellationToken);
        if (revoked)
        {
            await CloseConnectionsAsync(agentId, $"API key {keyId} was revoked");
        }

        return revoked;
    }

    public async Task<int> RevokeAllAsync(string agentId, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeAllAsync(agentId, time.GetUtcNow(), cancellationToken);
        if (revoked > 0)
        {
            await CloseConnectionsAsync(agentId, "the agent's API keys were revoked");
        }

        return revoked;
    }

    async Task CloseConnectionsAsync(string agentId, string reason)
    {
        if (realtime is not null)
        {
            await realtime.TryCloseUserConnectionsAsync(RealtimeEvents.AgentUser(agentId), reason, logger ?? (ILogger)NullLogger.Instance);
        }
    }
}
