using System.Runtime.InteropServices;

namespace Swarm.Domain.Learning;

/// <summary>
/// A text's embedding as it is stored beside a fingerprint or a memory entry: one signed byte per component, with the
/// id of the model that made it. Vectors of different models (or of different lengths) live in different spaces, so
/// <see cref="CosineWith"/> compares only like with like and says "no answer" otherwise.
/// </summary>
/// <remarks>
/// Each vector is scaled so that its largest component becomes ±127 and then rounded. Cosine does not depend on a
/// vector's length, so no scale needs storing, and the rounding costs about 0.005 of cosine at 256 dimensions: far
/// below the differences between related and unrelated texts, at a quarter of the size of floats.
/// </remarks>
/// <param name="Model">Who made the vector, as <c>provider:model</c> (e.g. <c>openai:text-embedding-3-small</c>).</param>
/// <param name="Values">The components as two's-complement bytes (a <c>byte[]</c> so that JSON carries them as base64).</param>
public sealed record QuantizedEmbedding(string Model, byte[] Values)
{
    /// <summary>The largest magnitude a component is scaled to.</summary>
    public const int Scale = 127;

    /// <summary>How many components the vector has.</summary>
    public int Dimensions => Values.Length;

    /// <summary>Quantizes a vector. A vector of zeros (or with no finite components) stays zeros and matches nothing.</summary>
    /// <exception cref="ArgumentException">The model is empty or the vector has no components.</exception>
    public static QuantizedEmbedding From(string model, ReadOnlySpan<float> vector)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (vector.IsEmpty)
        {
            throw new ArgumentException("An embedding needs at least one component.", nameof(vector));
        }

        var largest = 0f;
        foreach (var component in vector)
        {
            if (float.IsFinite(component))
            {
                largest = Math.Max(largest, Math.Abs(component));
            }
        }

        var values = new byte[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            var component = float.IsFinite(vector[i]) && largest > 0 ? vector[i] / largest * Scale : 0f;
            values[i] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(component), -Scale, Scale));
        }

        return new QuantizedEmbedding(model, values);
    }

    /// <summary>The component at <paramref name="index"/>, in [−127, 127].</summary>
    public int this[int index] => unchecked((sbyte)Values[index]);

    /// <summary>The components as the signed numbers they are.</summary>
    public ReadOnlySpan<sbyte> Components() => MemoryMarshal.Cast<byte, sbyte>(Values);

    /// <summary>
    /// The cosine of the angle between the two vectors, in [−1, 1]; null when they come from different models or have
    /// different lengths (no meaningful answer), and 0 when either is all zeros.
    /// </summary>
    public double? CosineWith(QuantizedEmbedding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Model, other.Model, StringComparison.Ordinal) && Values.Length == other.Values.Length
            ? VectorCosine.Of(Components(), other.Components())
            : null;
    }

    /// <summary>Equal when the model and every component are equal (a record compares arrays by reference otherwise).</summary>
    public bool Equals(QuantizedEmbedding? other) =>
        other is not null && string.Equals(Model, other.Model, StringComparison.Ordinal) && Values.AsSpan().SequenceEqual(other.Values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Model, StringComparer.Ordinal);
        hash.AddBytes(Values);
        return hash.ToHashCode();
    }
}
