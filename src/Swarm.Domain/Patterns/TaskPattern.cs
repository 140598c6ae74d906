using System.Buffers.Binary;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Patterns;

/// <summary>
/// A kind of task the atlas has recognised in one shard: a cluster of prompts by meaning, which routing keeps a skill
/// record for (a pattern key, docs/design/learning.md §12). Its centroid is the sum of its members' unit vectors, kept
/// as 32-bit floats: requantizing a running sum after every join would let rounding drift with the number of members.
/// </summary>
/// <param name="Id">Unique in its shard and never reused, so an evicted pattern's skill records cannot be mistaken for a new one's.</param>
/// <param name="Model">The embedding model of its members (<see cref="QuantizedEmbedding.Model"/>); vectors of another model never join it.</param>
/// <param name="Sum">
/// Σ of its members' unit vectors as little-endian 32-bit floats, in a <c>byte[]</c> so that JSON carries it as base64
/// (about 5.3 characters a component where a number array takes about 12); only its direction matters for joining.
/// </param>
/// <param name="Members">How many tasks joined it.</param>
/// <param name="JoinedAt">When a task last joined it; the least recently joined pattern is evicted first.</param>
public sealed record TaskPattern(int Id, string Model, byte[] Sum, int Members, DateTimeOffset JoinedAt)
{
    /// <summary>How many components the centroid has.</summary>
    public int Dimensions => Sum.Length / sizeof(float);

    /// <summary>The centroid's component at <paramref name="index"/>.</summary>
    public float this[int index] => BinaryPrimitives.ReadSingleLittleEndian(Sum.AsSpan(index * sizeof(float)));

    /// <summary>The cosine between the pattern's centroid and <paramref name="vector"/>; null when the vector is of another model or length.</summary>
    public double? CosineWith(QuantizedEmbedding vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return string.Equals(Model, vector.Model, StringComparison.Ordinal) && Dimensions == vector.Dimensions
            ? VectorCosine.Of<float, sbyte>(Centroid(), vector.Components())
            : null;
    }

    /// <summary>The centroid's components (the sum's direction; its length grows with the members).</summary>
    public float[] Centroid()
    {
        var components = new float[Dimensions];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = this[i];
        }

        return components;
    }

    /// <summary>A new pattern whose one member is <paramref name="vector"/>.</summary>
    public static TaskPattern Start(int id, QuantizedEmbedding vector, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return new TaskPattern(id, vector.Model, Encode(Unit(vector)), 1, at);
    }

    /// <summary>The pattern with <paramref name="vector"/> joined (its unit vector added to the sum).</summary>
    public TaskPattern Join(QuantizedEmbedding vector, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var sum = Centroid();
        var unit = Unit(vector);
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += unit[i];
        }

        return this with { Sum = Encode(sum), Members = Members + 1, JoinedAt = at > JoinedAt ? at : JoinedAt };
    }

    static byte[] Encode(float[] components)
    {
        var bytes = new byte[components.Length * sizeof(float)];
        for (var i = 0; i < components.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), components[i]);
        }

        return bytes;
    }

    static float[] Unit(QuantizedEmbedding vector)
    {
        double length = 0;
        for (var i = 0; i < vector.Dimensions; i++)
        {
            length += (double)vector[i] * vector[i];
        }

        length = Math.Sqrt(length);
        var unit = new float[vector.Dimensions];
        for (var i = 0; i < unit.Length; i++)
        {
            unit[i] = length > 0 ? (float)(vector[i] / length) : 0f;
        }

        return unit;
    }
}
