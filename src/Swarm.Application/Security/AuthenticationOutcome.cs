namespace Swarm.Application.Security;

/// <summary>Either a principal or the reason there is none (safe to show the caller: it never echoes the token).</summary>
public sealed record AuthenticationOutcome(SwarmPrincipal? Principal, string? Failure)
{
    public static AuthenticationOutcome Success(SwarmPrincipal principal) => new(principal, null);

    public static AuthenticationOutcome Fail(string reason) => new(null, reason);
}
