namespace Swarm.Application.Configuration;

/// <summary>Range checks on <c>learning:patterns:*</c>; each problem starts with the key it concerns.</summary>
public static class PatternSettingsValidator
{
    public static IEnumerable<string> Validate(PatternSettings patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.MaxPerShard is < 50 or > 2_000)
        {
            yield return $"'learning:patterns:maxPerShard' must be between 50 and 2000 (was {patterns.MaxPerShard}): each task's recall scores the whole shard.";
        }

        if (patterns.Neighbours is < 1 or > 50)
        {
            yield return $"'learning:patterns:neighbours' must be between 1 and 50 (was {patterns.Neighbours}).";
        }

        if (patterns.MinSimilarity is <= 0 or >= 1 || double.IsNaN(patterns.MinSimilarity))
        {
            yield return $"'learning:patterns:minSimilarity' must be above 0 and below 1 (was {patterns.MinSimilarity.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
        }

        if (patterns.KeySimilarity is <= 0 or >= 1 || double.IsNaN(patterns.KeySimilarity))
        {
            yield return $"'learning:patterns:keySimilarity' must be above 0 and below 1 (was {patterns.KeySimilarity.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
        }

        if (patterns.MaxKeys is < 1 or > 256)
        {
            yield return $"'learning:patterns:maxKeys' must be between 1 and 256 (was {patterns.MaxKeys}): each pattern's centroid is kept in its shard.";
        }
    }
}
