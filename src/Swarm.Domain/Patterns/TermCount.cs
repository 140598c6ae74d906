namespace Swarm.Domain.Patterns;

/// <summary>One feature of a text and how often it occurs there.</summary>
/// <param name="Hash">
/// The feature's FNV-1a 32-bit hash, with the top bit telling its kind: clear for a word (<c>u:word</c>), set for two
/// adjacent words (<c>b:first second</c>), so scoring can weigh pairs above single words without storing the text.
/// </param>
/// <param name="Count">How often it occurs (its term frequency), saturating at 255: a word said that often says no more.</param>
public readonly record struct TermCount(uint Hash, byte Count)
{
    const uint PairBit = 0x8000_0000;

    /// <summary>Whether the feature is two adjacent words rather than one.</summary>
    public bool IsPair => (Hash & PairBit) != 0;

    /// <summary>The hash of a single word's feature (top bit clear).</summary>
    public static uint WordHash(string word) => Fnv1a32("u:" + word) & ~PairBit;

    /// <summary>The hash of two adjacent words' feature (top bit set).</summary>
    public static uint PairHash(string first, string second) => Fnv1a32("b:" + first + " " + second) | PairBit;

    static uint Fnv1a32(string text)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
