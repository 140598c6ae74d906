namespace Swarm.Cli.Profiles;

/// <summary>What <c>profiles.json</c> holds: every profile by name and the one used when none is named.</summary>
sealed record ProfileFile
{
    public string? Current { get; init; }

    public Dictionary<string, Profile> Profiles { get; init; } = new(StringComparer.Ordinal);
}
