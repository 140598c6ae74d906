using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

public sealed class VectorCosineTests
{
    [Fact]
    public void Gives_the_cosine_of_the_angle_whatever_holds_the_components()
    {
        ReadOnlySpan<sbyte> bytes = [3, 4, 0];
        ReadOnlySpan<float> floats = [4f, 3f, 0f];
        Assert.Equal(24.0 / 25, VectorCosine.Of(bytes, floats), 12);
        Assert.Equal(24.0 / 25, VectorCosine.Of<float, sbyte>(floats, bytes), 12);
        Assert.Equal(1, VectorCosine.Of(bytes, bytes), 12);
        Assert.Equal(-1, VectorCosine.Of<sbyte, float>(bytes, [-3f, -4f, 0f]), 12);
    }

    [Fact]
    public void A_vector_of_zeros_is_like_nothing()
    {
        Assert.Equal(0, VectorCosine.Of<sbyte, sbyte>([0, 0], [1, 2]));
        Assert.Equal(0, VectorCosine.Of<float, float>([1f, 2f], [0f, 0f]));
    }

    [Fact]
    public void Vectors_of_different_lengths_have_no_cosine()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorCosine.Of<sbyte, float>([1, 2], [1f]));
        Assert.Contains("2 and 1 components", error.Message, StringComparison.Ordinal);
    }
}
