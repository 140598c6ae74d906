namespace Swarm.Application.Security;

/// <summary>An authenticated caller: who, how they proved it, their roles, and the permissions those roles grant.</summary>
/// <param name="Subject">The token's subject, or <c>agent:{id}</c> for an agent.</param>
/// <param name="AgentId">Set when the caller is an agent (API key or session minted from one): it may act only as this agent.</param>
/// <param name="KeyId">The API key behind the credential, for agents.</param>
/// <param name="ExpiresAt">When the credential stops working (a token's expiry); null for an API key, which lasts until revoked.</param>
public sealed record SwarmPrincipal(
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlySet<string> Permissions,
    CredentialKind Credential = CredentialKind.UserToken,
    string? AgentId = null,
    string? KeyId = null,
    DateTimeOffset? ExpiresAt = null)
{
    public bool Has(string permission) => Permissions.Contains(permission);

    /// <summary>The resource-level rule: an agent acts only as itself; people with the permission may act for any agent.</summary>
    public bool CanActFor(string agentId) => AgentId is null || string.Equals(AgentId, agentId, StringComparison.Ordinal);
}
