using Swarm.Domain.Patterns;
using static Swarm.Domain.Tests.Patterns.Fingerprints;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>Recall: ranking, the evidence it gives routing, and which lessons it hands on.</summary>
public sealed class SimilarTasksTests
{
    static readonly TaskAtlas Atlas = new TaskAtlas()
        .Add(Of("sql-1", "write a sql query joining orders and customers", minute: 1, agent: "coder-1"))
        .Add(Of("sql-2", "write a sql query joining orders and invoices", minute: 2, agent: "coder-2", succeeded: false, submittedBy: "bob"))
        .Add(Of("bio-1", "explain photosynthesis in the chloroplast", minute: 3));

    static SimilarQuery Query(string text, int k = 10, double min = 0.0, string? exclude = null) => new(PromptTerms.From(text), k, min, exclude);

    [Fact]
    public void Neighbours_are_ranked_best_first_and_unrelated_tasks_left_out()
    {
        var similar = Atlas.Similar(Query("sql query joining orders and customers"));

        Assert.Equal(["sql-1", "sql-2"], similar.Select(s => s.Fingerprint.TaskId));
        Assert.True(similar[0].Similarity > similar[1].Similarity);
    }

    [Fact]
    public void The_asking_task_is_left_out_and_k_and_the_minimum_hold()
    {
        Assert.Equal(["sql-2"], Atlas.Similar(Query("write a sql query joining orders and customers", exclude: "sql-1")).Select(s => s.Fingerprint.TaskId));
        Assert.Single(Atlas.Similar(Query("write a sql query joining orders and customers", k: 1)));
        Assert.Equal(["sql-1"], Atlas.Similar(Query("write a sql query joining orders and customers", min: 0.9)).Select(s => s.Fingerprint.TaskId));
    }

    [Fact]
    public void Equal_similarities_go_to_the_newer_task()
    {
        var atlas = new TaskAtlas().Add(Of("old", "index tuning", minute: 1)).Add(Of("new", "index tuning", minute: 2));

        Assert.Equal(["new", "old"], atlas.Similar(Query("index tuning")).Select(s => s.Fingerprint.TaskId));
    }

    [Fact]
    public void Evidence_comes_from_steps_with_the_same_capability_set()
    {
        var atlas = new TaskAtlas()
            .Add(Of("a", "sql query", agent: "coder-1", capabilities: ["sql", "python"]))
            .Add(Of("b", "sql query", agent: "coder-2", capabilities: ["sql"], succeeded: false));
        var similar = atlas.Similar(Query("sql query"));

        var evidence = SimilarTasks.EvidenceFor(similar, ["Python", "sql"]);

        var only = Assert.Single(evidence);
        Assert.Equal(("coder-1", 1.0), (only.AgentId, only.Value));
        Assert.Equal(0, SimilarTasks.EvidenceFor(similar, ["sql"]).Single().Value);
    }

    [Fact]
    public void A_capability_key_is_the_sorted_lowercase_names_or_a_hash_when_storage_would_refuse_them()
    {
        Assert.Equal("general", CapabilityKey.Of([]));
        Assert.Equal("python+sql", CapabilityKey.Of(["SQL", " python", "sql"]));
        Assert.Matches("^caps-[0-9a-f]{16}$", CapabilityKey.Of(["c#"]));
        Assert.Matches("^caps-[0-9a-f]{16}$", CapabilityKey.Of([.. Enumerable.Range(0, 16).Select(i => new string('x', 60) + i)]));
        Assert.Equal(CapabilityKey.Of(["c#", "a/b"]), CapabilityKey.Of(["A/B", "C#"]));
        Assert.NotEqual(CapabilityKey.Of(["c#"]), CapabilityKey.Of(["f#"]));
    }

    [Fact]
    public void Evidence_is_at_most_forty_entries()
    {
        var atlas = Enumerable.Range(0, 60).Aggregate(new TaskAtlas(), (a, i) => a.Add(Of($"t{i}", "sql query", minute: i)));

        Assert.Equal(SimilarTasks.MaxEvidence, SimilarTasks.EvidenceFor(atlas.Similar(Query("sql query", k: 60)), []).Count);
    }

    [Fact]
    public void A_rated_step_gives_the_rating_as_its_value()
    {
        var atlas = new TaskAtlas().Add(Of("a", "sql query")).Rate("a", new Rating("alice", 2, null, T0)).Atlas;

        Assert.Equal(0.25, SimilarTasks.EvidenceFor(atlas.Similar(Query("sql query")), []).Single().Value);
    }

    [Fact]
    public void Comment_lessons_stay_with_their_submitter_and_failure_lessons_are_shared()
    {
        var atlas = Atlas.Rate("sql-1", new Rating("alice", 1, "wrong join", T0)).Atlas;
        var similar = atlas.Similar(Query("write a sql query joining orders"));

        Assert.Equal(["sql-1", "sql-2"], SimilarTasks.LessonsFor(similar, "alice", shareLessons: false).Select(l => l.TaskId).Order());
        Assert.Equal(["sql-2"], SimilarTasks.LessonsFor(similar, "carol", shareLessons: false).Select(l => l.TaskId));
        Assert.Equal(2, SimilarTasks.LessonsFor(similar, "carol", shareLessons: true).Count);
    }

    [Fact]
    public void Lessons_need_similarity_and_are_at_most_three()
    {
        var atlas = Enumerable.Range(0, 6).Aggregate(new TaskAtlas(), (a, i) => a.Add(Of($"t{i}", "sql query", minute: i, succeeded: false)));

        Assert.Equal(SimilarTasks.MaxLessons, SimilarTasks.LessonsFor(atlas.Similar(Query("sql query")), "alice", false).Count);
        Assert.Empty(SimilarTasks.LessonsFor([new SimilarTask(atlas.Fingerprints[0], 0.3)], "alice", false));
    }
}
