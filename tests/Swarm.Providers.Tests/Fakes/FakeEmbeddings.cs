using System.Text;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// The vectors the fake vendor server answers with: each word of the text (lowercased, split on anything but letters
/// and digits) adds ±1 to a component chosen by its FNV-1a hash, and the sum is normalised. The same text always gets
/// the same vector, and texts that share words point the same way, so search by embedding can be tested without a model.
/// </summary>
public static class FakeEmbeddings
{
    /// <summary>What the fake gives when the request names no dimensions (OpenAI's text-embedding-3-small's length).</summary>
    public const int DefaultDimensions = 1536;

    public static float[] VectorOf(string text, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[dimensions];
        foreach (var word in Words(text))
        {
            var hash = Fnv1a(word);
            vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }

        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : [.. vector.Select(v => v / length)];
    }

    static string[] Words(string text) =>
        text.ToLowerInvariant().Split([.. text.Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries);

    static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(word))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
