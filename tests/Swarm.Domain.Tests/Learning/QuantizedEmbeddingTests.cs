using System.Text.Json;
using CsCheck;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

/// <summary>The stored form of an embedding: int8 components that keep the cosine, and only like compared with like.</summary>
public sealed class QuantizedEmbeddingTests
{
    const string Model = "openai:text-embedding-3-small";

    [Fact]
    public void A_vector_is_scaled_so_its_largest_component_is_127()
    {
        var embedding = QuantizedEmbedding.From(Model, [0.5f, -0.25f, 0f, -1f]);

        Assert.Equal([64, -32, 0, -127], Enumerable.Range(0, 4).Select(i => embedding[i]));
        Assert.Equal(4, embedding.Dimensions);
    }

    [Fact]
    public void A_vector_and_itself_have_cosine_one_and_its_opposite_minus_one()
    {
        float[] vector = [0.1f, 0.7f, -0.2f, 0.4f];
        var embedding = QuantizedEmbedding.From(Model, vector);

        Assert.Equal(1, embedding.CosineWith(embedding)!.Value, 6);
        Assert.Equal(-1, embedding.CosineWith(QuantizedEmbedding.From(Model, [.. vector.Select(v => -v)]))!.Value, 6);
    }

    [Fact]
    public void Vectors_of_different_models_or_lengths_have_no_cosine()
    {
        var embedding = QuantizedEmbedding.From(Model, [1f, 0f, 0f]);

        Assert.Null(embedding.CosineWith(QuantizedEmbedding.From("local:nomic-embed-text", [1f, 0f, 0f])));
        Assert.Null(embedding.CosineWith(QuantizedEmbedding.From(Model, [1f, 0f])));
    }

    [Fact]
    public void A_vector_of_zeros_matches_nothing()
    {
        var zeros = QuantizedEmbedding.From(Model, [0f, 0f, float.NaN]);

        Assert.Equal(0, zeros.CosineWith(QuantizedEmbedding.From(Model, [1f, 1f, 1f])));
    }

    [Fact]
    public void It_reads_back_from_json_equal_with_base64_components()
    {
        var embedding = QuantizedEmbedding.From(Model, [0.3f, -0.9f, 0.05f]);

        var json = JsonSerializer.Serialize(embedding);
        var back = JsonSerializer.Deserialize<QuantizedEmbedding>(json);

        Assert.Contains("\"Values\":\"", json, StringComparison.Ordinal);
        Assert.Equal(embedding, back);
        Assert.Equal(embedding.GetHashCode(), back!.GetHashCode());
    }

    [Fact]
    public void Quantizing_keeps_the_cosine_of_256_dimension_vectors_within_0_02()
    {
        var vectors = Gen.Float[-1f, 1f].Array[256];
        Gen.Select(vectors, vectors).Sample((a, b) =>
        {
            var exact = Cosine(a, b);
            var quantized = QuantizedEmbedding.From(Model, a).CosineWith(QuantizedEmbedding.From(Model, b))!.Value;
            return Math.Abs(exact - quantized) <= 0.02;
        });
    }

    static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
