using System.Text.RegularExpressions;
using Swarm.Domain.Tasks;

namespace Swarm.Domain.Agents;

/// <summary>What makes an agent configuration valid; every problem names its field (JSON names, dotted).</summary>
public static partial class AgentProfileRules
{
    public const int MaxExpertise = 20;

    public static bool IsAgentId(string? id) => id is not null && IdShape().IsMatch(id);

    /// <summary>Skills (expertise entries) are lowercase words joined by '-', so they compare and index exactly.</summary>
    public static bool IsSkill(string? skill) => skill is not null && SkillShape().IsMatch(skill);

    public static IReadOnlyList<FieldError> Validate(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new List<FieldError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new FieldError(field, message));
            }
        }

        Check(IsAgentId(profile.Id), "id", "must be 1 to 64 letters, digits, '.', '_' or '-'.");
        Check(!string.IsNullOrWhiteSpace(profile.Name) && profile.Name.Length <= 100, "name", "is required and at most 100 characters.");
        Check(Enum.IsDefined(profile.Type), "type", "must be queen, worker or specialist.");
        Check(profile.MaxConcurrency is >= 1 and <= 100, "maxConcurrency", "must be between 1 and 100.");

        var provider = profile.Provider;
        Check(provider is not null, "provider", "is required.");
        if (provider is not null)
        {
            Check(AgentProfile.ProviderTypes.Contains(provider.Type, StringComparer.Ordinal), "provider.type", $"must be one of: {string.Join(", ", AgentProfile.ProviderTypes)}.");
            Check(!string.IsNullOrWhiteSpace(provider.Model) && provider.Model.Length <= 100, "provider.model", "is required and at most 100 characters.");
            Check(provider.MaxTokens is >= 1 and <= 1_000_000, "provider.maxTokens", "must be between 1 and 1000000.");
            Check(provider.Temperature is >= 0 and <= 2, "provider.temperature", "must be between 0 and 2.");
        }

        var role = profile.EffectiveRole;
        Check(!string.IsNullOrWhiteSpace(role.Type) && role.Type.Length <= 64, "role.type", "is required and at most 64 characters.");
        Check(role.Priority is >= 1 and <= 10, "role.priority", "must be between 1 and 10.");
        // Per-agent permissions are not enforced yet (an agent acts with the agent role's permissions): anything that
        // would suggest otherwise is refused rather than stored and ignored. "task:*", the spec's example, is what
        // every agent may do today, so it is accepted.
        Check(role.Permissions.Count <= 50, "role.permissions", "at most 50 entries.");
        foreach (var permission in role.Permissions.Where(p => p != AgentRole.AllTaskPermissions).Distinct(StringComparer.Ordinal))
        {
            errors.Add(new FieldError(
                "role.permissions",
                $"'{permission}' is not enforced yet: an agent acts with the agent role's permissions, so 'role.permissions' may be empty or [\"{AgentRole.AllTaskPermissions}\"] for now."));
        }

        Check(role.Expertise.Count <= MaxExpertise, "role.expertise", $"at most {MaxExpertise} entries.");
        foreach (var skill in role.Expertise.Where(s => !IsSkill(s)))
        {
            errors.Add(new FieldError("role.expertise", $"'{skill}' must be 1 to 64 lowercase letters, digits or '-'."));
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SkillShape();
}
