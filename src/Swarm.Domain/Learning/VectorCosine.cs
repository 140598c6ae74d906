using System.Numerics;

namespace Swarm.Domain.Learning;

/// <summary>
/// The cosine of the angle between two vectors, whatever numbers hold their components: a stored vector's signed bytes
/// (<see cref="QuantizedEmbedding"/>) or a pattern's float centroid (<c>TaskPattern</c>). One loop for every comparison
/// the swarm makes, accumulated in doubles (exact for byte components at any length the swarm stores).
/// </summary>
public static class VectorCosine
{
    /// <summary>The cosine, in [−1, 1]; 0 when either vector is all zeros.</summary>
    /// <exception cref="ArgumentException">The vectors differ in length.</exception>
    public static double Of<TLeft, TRight>(ReadOnlySpan<TLeft> left, ReadOnlySpan<TRight> right)
        where TLeft : INumberBase<TLeft>
        where TRight : INumberBase<TRight>
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"Vectors of {left.Length} and {right.Length} components have no cosine.", nameof(right));
        }

        double dot = 0, leftSquares = 0, rightSquares = 0;
        for (var i = 0; i < left.Length; i++)
        {
            double a = double.CreateTruncating(left[i]), b = double.CreateTruncating(right[i]);
            dot += a * b;
            leftSquares += a * a;
            rightSquares += b * b;
        }

        return leftSquares == 0 || rightSquares == 0 ? 0 : Math.Clamp(dot / Math.Sqrt(leftSquares * rightSquares), -1, 1);
    }
}
