using System.Text.RegularExpressions;

namespace Swarm.Domain.Memory;

/// <summary>
/// A team memory namespace an agent's role grants (<c>role.permissions</c>): <c>memory:{namespace}</c> to read and
/// write it, <c>memory:{namespace}:read</c> to read only. A namespace ending in <c>*</c> grants every namespace with
/// that prefix (<c>memory:research-*</c>).
/// </summary>
/// <param name="Namespace">The namespace, or a prefix ending in <c>*</c>.</param>
/// <param name="CanWrite">False for a read-only grant.</param>
public sealed partial record MemoryGrant(string Namespace, bool CanWrite)
{
    const string Prefix = "memory:";
    const string ReadOnlySuffix = ":read";

    /// <summary>The grant a permission names, or null when it names none (or is malformed).</summary>
    public static MemoryGrant? Parse(string? permission)
    {
        if (permission is null || !permission.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var body = permission[Prefix.Length..];
        var readOnly = body.EndsWith(ReadOnlySuffix, StringComparison.Ordinal);
        var name = readOnly ? body[..^ReadOnlySuffix.Length] : body;
        return NamespaceShape().IsMatch(name) ? new MemoryGrant(name, !readOnly) : null;
    }

    /// <summary>Whether <paramref name="permission"/> is meant as a memory grant (it starts with <c>memory:</c>), well formed or not.</summary>
    public static bool IsMemoryPermission(string? permission) => permission?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public bool Covers(string memoryNamespace)
    {
        ArgumentNullException.ThrowIfNull(memoryNamespace);
        return Namespace.EndsWith('*')
            ? memoryNamespace.StartsWith(Namespace[..^1], StringComparison.Ordinal)
            : string.Equals(Namespace, memoryNamespace, StringComparison.Ordinal);
    }

    /// <summary>Whether the grant names one namespace (not a prefix), so its entries can be recalled without listing namespaces.</summary>
    public bool IsExact => !Namespace.EndsWith('*');

    // A memory namespace name (MemoryShelf.IsName), optionally cut short by '*'.
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,128}\*?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceShape();
}
