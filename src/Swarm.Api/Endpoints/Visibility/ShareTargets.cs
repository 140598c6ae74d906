using Swarm.Application.Security;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Visibility;

/// <summary>The rules for naming readers, at submission (<c>sharedWith</c>) and later (<c>POST .../share</c>).</summary>
public static class ShareTargets
{
    /// <summary>Readers one request may name; a team is better named by a role.</summary>
    public const int MaxReaders = 20;

    public const int MaxReaderLength = 200;

    /// <summary>The problems with <paramref name="readers"/>, each naming <paramref name="field"/>; a role must be one the swarm grants.</summary>
    public static IReadOnlyList<FieldError> Validate(string field, IReadOnlyList<string>? readers, RoleGrants roles, bool required)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new List<FieldError>();
        if (readers is null or { Count: 0 })
        {
            if (required)
            {
                errors.Add(new(field, "is required: one or more subjects, or role:{name}."));
            }

            return errors;
        }

        if (readers.Count > MaxReaders)
        {
            errors.Add(new(field, $"names {readers.Count} readers; the limit is {MaxReaders} (name a role for more)."));
        }

        foreach (var (reader, i) in readers.Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(reader) || reader.Length > MaxReaderLength || reader.Any(char.IsControl))
            {
                errors.Add(new($"{field}[{i}]", $"must be a subject or role:{{name}}, 1 to {MaxReaderLength} characters without control characters."));
            }
            else if (reader.StartsWith(ReadScope.RolePrefix, StringComparison.Ordinal) && !roles.Roles.Contains(reader[ReadScope.RolePrefix.Length..]))
            {
                errors.Add(new($"{field}[{i}]", $"names no role of this swarm; roles: {string.Join(", ", roles.Roles.Order(StringComparer.Ordinal))}."));
            }
        }

        return errors;
    }
}
