namespace Swarm.Domain.Patterns;

/// <summary>
/// The skill key routing keeps for one recognised pattern of one atlas shard: <c>{capabilityKey}~{id}</c>, e.g.
/// <c>analysis~3</c>. Agents' capabilities are lowercase letters, digits and '-', and capability keys add only '+', '.'
/// and '_', so no capability's key contains '~' and the two kinds of key never collide.
/// </summary>
public static class PatternKey
{
    public const char Separator = '~';

    public static string Of(string capabilityKey, int patternId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capabilityKey);
        return $"{capabilityKey}{Separator}{patternId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Whether a skill key is a pattern's, not a capability's.</summary>
    public static bool IsPattern(string key) => key?.Contains(Separator, StringComparison.Ordinal) == true;
}
