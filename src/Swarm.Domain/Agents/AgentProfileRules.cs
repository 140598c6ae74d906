using System.Text.RegularExpressions;
using Swarm.Domain.Memory;
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
        // A role grants task permissions (the spec's "task:*", which every agent has) and team memory namespaces
        // (memory:{namespace}[:read]); anything else would be stored and ignored, so it is refused.
        Check(role.Permissions.Count <= 50, "role.permissions", "at most 50 entries.");
        foreach (var permission in role.Permissions.Where(p => p != AgentRole.AllTaskPermissions).Distinct(StringComparer.Ordinal))
        {
            if (MemoryGrant.IsMemoryPermission(permission))
            {
                Check(MemoryGrant.Parse(permission) is not null, "role.permissions", $"'{permission}' must be 'memory:{{namespace}}' or 'memory:{{namespace}}:read', the namespace 1 to 128 letters, digits, '.', '_' or '-', optionally ending in '*'.");
                continue;
            }

            errors.Add(new FieldError(
                "role.permissions",
                $"'{permission}' is not a permission an agent can be granted: use \"{AgentRole.AllTaskPermissions}\" or team memory grants ('memory:{{namespace}}', 'memory:{{namespace}}:read')."));
        }

        Check(role.Expertise.Count <= MaxExpertise, "role.expertise", $"at most {MaxExpertise} entries.");
        foreach (var skill in role.Expertise.Where(s => !IsSkill(s)))
        {
            errors.Add(new FieldError("role.expertise", $"'{skill}' must be 1 to 64 lowercase letters, digits or '-'."));
        }

        Check(profile.Instructions is null || profile.Instructions.Length <= AgentInstructions.MaxLength, "instructions", $"at most {AgentInstructions.MaxLength} characters.");
        Check(profile.Tools is null || profile.Tools.Count <= ToolPatterns.MaxPatterns, "tools", $"at most {ToolPatterns.MaxPatterns} entries.");
        foreach (var pattern in (profile.Tools ?? []).Where(p => !ToolPatterns.IsPattern(p)))
        {
            errors.Add(new FieldError("tools", $"'{pattern}' must be a tool name (1 to 64 letters, digits, '_' or '-') optionally ending in '*', or '*'."));
        }

        Check(profile.MaxTurns is null or >= 1 and <= AgentLoopLimits.TurnsCeiling, "maxTurns", $"must be between 1 and {AgentLoopLimits.TurnsCeiling}.");
        Check(profile.MaxToolCalls is null or >= 0 and <= AgentLoopLimits.ToolCallsCeiling, "maxToolCalls", $"must be between 0 and {AgentLoopLimits.ToolCallsCeiling}.");
        if (provider?.Type == ProviderSettings.ExternalType)
        {
            // An external agent runs outside the swarm and answers over the API: the swarm never calls its model.
            Check(profile.Tools is not { Count: > 0 }, "tools", "an external agent uses its own tools; the swarm offers tools only to the models it calls.");
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SkillShape();
}
