namespace Swarm.Application.Security;

/// <summary>How a caller proved who they are.</summary>
public enum CredentialKind
{
    /// <summary>A bearer JWT for a person or service.</summary>
    UserToken,

    /// <summary>An agent's API key, presented directly.</summary>
    ApiKey,

    /// <summary>A short-lived bearer JWT minted from an agent's API key by <c>POST /api/v1/auth/token</c>.</summary>
    AgentSession,
}
