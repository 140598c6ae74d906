using Swarm.Application.Configuration;

namespace Swarm.Application.Security;

/// <summary>
/// Which permissions each role grants: <see cref="RolePermissions.Defaults"/>, with any role redefined or added by
/// <c>security:roles:{role}</c> in configuration (a list of permissions, validated at start).
/// </summary>
public sealed class RoleGrants
{
    readonly Dictionary<string, IReadOnlySet<string>> roles;

    public RoleGrants(SwarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        roles = new Dictionary<string, IReadOnlySet<string>>(RolePermissions.Defaults, StringComparer.Ordinal);
        foreach (var (role, permissions) in settings.Security.Roles)
        {
            roles[role] = permissions.ToHashSet(StringComparer.Ordinal);
        }
    }

    public IReadOnlyCollection<string> Roles => roles.Keys;

    public IReadOnlySet<string> For(IEnumerable<string> roleNames) =>
        roleNames.Where(roles.ContainsKey).SelectMany(r => roles[r]).ToHashSet(StringComparer.Ordinal);
}
