namespace Swarm.Domain.Learning;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood): a small, fast generator whose whole state is one 64-bit number, so a draw is
/// fully determined by its seed. Routing's randomness comes only from here, seeded from the request and the board, so the
/// same board and request always draw the same numbers (a re-run entity operation answers as the first run did).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>FNV-1a, 64 bits, over the UTF-16 code units of <paramref name="text"/>: a stable hash to seed from a name.</summary>
    public static ulong Fnv1a64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ (c & 0xFFUL)) * 0x100000001B3UL;
            hash = (hash ^ ((ulong)c >> 8)) * 0x100000001B3UL;
        }

        return hash;
    }
}
