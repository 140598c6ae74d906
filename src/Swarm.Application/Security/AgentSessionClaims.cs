namespace Swarm.Application.Security;

/// <summary>Claims an agent session token carries beyond the standard ones.</summary>
public static class AgentSessionClaims
{
    public const string AgentId = "agent_id";

    /// <summary>The API key the session was minted from; the session ends when that key is revoked.</summary>
    public const string KeyId = "key_id";

    public const string AgentRole = "agent";

    public static string Subject(string agentId) => Domain.Agents.AgentSubject.Of(agentId);
}
