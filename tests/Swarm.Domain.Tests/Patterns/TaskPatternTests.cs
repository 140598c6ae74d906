using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>Pattern keys in the atlas (docs/design/learning.md §12): which pattern a prompt vector joins, when a task starts one, and what is evicted.</summary>
public sealed class TaskPatternTests
{
    const string Model = "test:unit";

    static readonly PatternClustering Clustering = new(Similarity: 0.5, MaxPatterns: 3);

    static QuantizedEmbedding Vector(params float[] components) => QuantizedEmbedding.From(Model, components);

    static TaskFingerprint Task(string id, QuantizedEmbedding vector, int minute, int? routedBy = null) =>
        Fingerprints.Of(id, "a prompt", minute) with { Embedding = vector, Pattern = routedBy };

    [Fact]
    public void A_vector_joins_the_nearest_pattern_when_near_enough_and_starts_one_when_not()
    {
        var atlas = new TaskAtlas()
            .Add(Task("t1", Vector(1, 0, 0), 1), clustering: Clustering)
            .Add(Task("t2", Vector(0.9f, 0.1f, 0), 2), clustering: Clustering)
            .Add(Task("t3", Vector(0, 0, 1), 3), clustering: Clustering);

        Assert.Equal([0, 1], atlas.Patterns.Select(p => p.Id));
        Assert.Equal([2, 1], atlas.Patterns.Select(p => p.Members));
        Assert.Equal([0, 0, 1], atlas.Fingerprints.Select(f => f.Pattern));
        Assert.Equal(0, atlas.PatternOf(Vector(1, 0.2f, 0), Clustering.Similarity)?.Id);
        Assert.Equal(1, atlas.PatternOf(Vector(0.1f, 0, 1), Clustering.Similarity)?.Id);
        Assert.Null(atlas.PatternOf(Vector(0, 1, 0), Clustering.Similarity));
    }

    [Fact]
    public void A_task_joins_the_pattern_its_steps_were_routed_by_even_if_another_is_nearer_now()
    {
        var atlas = new TaskAtlas()
            .Add(Task("t1", Vector(1, 0, 0), 1), clustering: Clustering)
            .Add(Task("t2", Vector(0, 1, 0), 2), clustering: Clustering)
            .Add(Task("t3", Vector(1, 0, 0), 3, routedBy: 1), clustering: Clustering);

        Assert.Equal(1, atlas.Find("t3")!.Pattern);
        Assert.Equal([1, 2], atlas.Patterns.Select(p => p.Members));
    }

    [Fact]
    public void Beyond_the_cap_the_least_recently_joined_pattern_goes_and_ids_are_never_reused()
    {
        var atlas = new TaskAtlas()
            .Add(Task("t1", Vector(1, 0, 0, 0), 1), clustering: Clustering)
            .Add(Task("t2", Vector(0, 1, 0, 0), 2), clustering: Clustering)
            .Add(Task("t3", Vector(0, 0, 1, 0), 3), clustering: Clustering)
            .Add(Task("t4", Vector(1, 0, 0, 0), 4), clustering: Clustering)
            .Add(Task("t5", Vector(0, 0, 0, 1), 5), clustering: Clustering);

        // Pattern 1 (joined at minute 2) was the least recently joined when the fourth pattern started.
        Assert.Equal([0, 2, 3], atlas.Patterns.Select(p => p.Id));
        Assert.Equal(4, atlas.NextPatternId);
        var again = atlas.Add(Task("t6", Vector(0, 1, 0, 0), 6), clustering: Clustering);
        Assert.Equal(4, again.Find("t6")!.Pattern);
    }

    [Fact]
    public void Vectors_of_another_model_never_join_and_fingerprints_without_a_vector_or_clustering_get_no_pattern()
    {
        var atlas = new TaskAtlas().Add(Task("t1", Vector(1, 0, 0), 1), clustering: Clustering);
        var other = atlas.Add(Fingerprints.Of("t2", "a prompt", 2) with { Embedding = QuantizedEmbedding.From("other:model", [1f, 0f, 0f]) }, clustering: Clustering);

        Assert.Null(atlas.PatternOf(QuantizedEmbedding.From("other:model", [1f, 0f, 0f]), 0.5));
        Assert.Equal([0, 1], other.Patterns.Select(p => p.Id));
        Assert.Null(atlas.Add(Fingerprints.Of("t3", "words only", 3), clustering: Clustering).Find("t3")!.Pattern);
        Assert.Null(atlas.Add(Task("t4", Vector(1, 0, 0), 4)).Find("t4")!.Pattern);
        Assert.Equal(1, atlas.Add(Task("t4", Vector(1, 0, 0), 4)).Patterns.Single().Members);
    }

    [Fact]
    public void Adding_a_fingerprint_again_changes_no_pattern()
    {
        var once = new TaskAtlas().Add(Task("t1", Vector(1, 0, 0), 1), clustering: Clustering);

        var twice = once.Add(Task("t1", Vector(1, 0, 0), 1), clustering: Clustering);

        Assert.Same(once, twice);
    }

    [Fact]
    public void Pattern_keys_name_the_shard_and_the_id_and_are_never_a_capability()
    {
        Assert.Equal("analysis~3", PatternKey.Of("analysis", 3));
        Assert.True(PatternKey.IsPattern("analysis+sql~0"));
        Assert.False(PatternKey.IsPattern(CapabilityKey.Of(["analysis", "sql"])));
        Assert.DoesNotContain(PatternKey.Separator, CapabilityKey.Of(["weird/name", "x"]));
    }
}
