using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using static Swarm.Domain.Tests.Patterns.Fingerprints;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>Recall when fingerprints carry the prompt's vector: words and meaning blended, one model's vectors only.</summary>
public sealed class EmbeddedSimilarityTests
{
    const string Model = "openai:text-embedding-3-small";

    /// <summary>A vector pointing mostly along <paramref name="axis"/>, with a little of <paramref name="other"/>.</summary>
    static QuantizedEmbedding Vector(int axis, int other = -1, float mix = 0f, string model = Model)
    {
        var values = new float[256];
        values[axis] = 1f;
        if (other >= 0)
        {
            values[other] = mix;
        }

        return QuantizedEmbedding.From(model, values);
    }

    static SimilarQuery Query(string text, QuantizedEmbedding? vector) => new(PromptTerms.From(text), 10, 0.0, Embedding: vector);

    [Fact]
    public void Both_vectors_of_one_model_score_half_words_and_half_meaning()
    {
        var fingerprint = Of("sql-1", "write a sql query joining orders and customers") with { Embedding = Vector(0, 1, 0.5f) };
        var atlas = new TaskAtlas().Add(fingerprint).Add(Of("bio-1", "explain photosynthesis in the chloroplast"));
        var query = Vector(0);

        var lexical = atlas.Similar(Query("sql query joining orders", vector: null)).Single().Similarity;
        var combined = atlas.Similar(Query("sql query joining orders", query)).Single().Similarity;

        var cosine = query.CosineWith(fingerprint.Embedding!)!.Value;
        Assert.InRange(cosine, 0.85, 0.95);
        Assert.Equal((0.5 * lexical) + (0.5 * cosine), combined, precision: 12);
        Assert.NotEqual(lexical, combined, precision: 3);
    }

    [Fact]
    public void Vectors_of_another_model_are_ignored_and_words_alone_decide()
    {
        var atlas = new TaskAtlas()
            .Add(Of("sql-1", "write a sql query joining orders and customers") with { Embedding = Vector(0, model: "ollama:nomic-embed-text") })
            .Add(Of("no-vector", "write a sql query joining orders and invoices", minute: 1));

        var byWords = atlas.Similar(Query("sql query joining orders", vector: null));
        var withVector = atlas.Similar(Query("sql query joining orders", Vector(0)));

        Assert.Equal(byWords.Select(s => (s.Fingerprint.TaskId, s.Similarity)), withVector.Select(s => (s.Fingerprint.TaskId, s.Similarity)));
    }

    [Fact]
    public void A_task_with_no_word_in_common_is_found_by_meaning_only_when_its_vector_is_close()
    {
        var atlas = new TaskAtlas()
            .Add(Of("close", "tabulate revenue per client") with { Embedding = Vector(0, 1, 0.2f) })
            .Add(Of("far", "explain photosynthesis") with { Embedding = Vector(5) })
            .Add(Of("wordless", "summarise invoices"));

        var similar = atlas.Similar(Query("sql query joining orders", Vector(0)));

        var found = Assert.Single(similar);
        Assert.Equal("close", found.Fingerprint.TaskId);
        Assert.True(found.Similarity >= 0.5 * TextSimilarity.MinMeaningCosine);
    }

    [Fact]
    public void A_full_shard_with_256_dimension_vectors_stays_under_800_KB()
    {
        // The lexical shard's worst case (A_full_shard_of_long_prompts_stays_under_600_KB) with each fingerprint carrying
        // a 256-byte vector, base64 in JSON (~344 characters plus the model id): measured 766 KB, 166 KB over the
        // lexical budget. Kept rather than cut to fewer dimensions or fingerprints: a shard is one entity's state, stored
        // whole (Durable Task moves large state to blobs), read once per task; 800 KB guards against growth.
        var words = Enumerable.Range(0, 80).Select(i => $"word{i}").ToList();
        var random = new Random(15);
        var atlas = Enumerable.Range(0, TaskAtlas.DefaultMaxFingerprints).Aggregate(new TaskAtlas(), (a, i) => a.Add(Of(
            $"task-{i:x32}", string.Join(' ', words.Select(w => w + i)), minute: i, capabilities: ["sql", "python"]) with
        {
            Steps = [.. Enumerable.Range(1, 2).Select(n => new StepTrace($"coder-{n}", "answer", ["sql", "python"], n == 2))],
            Embedding = QuantizedEmbedding.From(Model, [.. Enumerable.Range(0, 256).Select(_ => (float)(random.NextDouble() - 0.5))]),
        }));

        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(atlas).Length;

        Assert.Equal(256, atlas.Fingerprints[0].Embedding!.Dimensions);
        Assert.True(bytes < 800 * 1024, $"{bytes / 1024} KB");
    }
}
