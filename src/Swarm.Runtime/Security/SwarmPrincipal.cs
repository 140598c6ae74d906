namespace Swarm.Runtime.Security;

/// <summary>An authenticated caller: who, which roles, and the permissions those roles grant.</summary>
public sealed record SwarmPrincipal(string Subject, IReadOnlyList<string> Roles, IReadOnlySet<string> Permissions)
{
    public bool Has(string permission) => Permissions.Contains(permission);
}
