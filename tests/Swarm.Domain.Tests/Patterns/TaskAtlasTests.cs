using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using static Swarm.Domain.Tests.Patterns.Fingerprints;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>The atlas: bounded, idempotent, ratings applied once and in any order, lessons written from failures and bad ratings.</summary>
public sealed class TaskAtlasTests
{
    [Fact]
    public void The_atlas_keeps_the_newest_500()
    {
        // Added out of order: which are kept depends on when the task finished, not when the signal arrived.
        var atlas = Enumerable.Range(0, 520).Reverse().Aggregate(new TaskAtlas(), (a, i) => a.Add(Of($"t{i}", "sql query", minute: i)));

        Assert.Equal(TaskAtlas.DefaultMaxFingerprints, atlas.Fingerprints.Count);
        Assert.Equal("t20", atlas.Fingerprints[0].TaskId);
        Assert.Equal("t519", atlas.Fingerprints[^1].TaskId);
        Assert.Null(atlas.Find("t19"));
    }

    [Fact]
    public void A_smaller_shard_limit_is_kept_too()
    {
        var atlas = Enumerable.Range(0, 60).Aggregate(new TaskAtlas(), (a, i) => a.Add(Of($"t{i}", "sql", minute: i), maxFingerprints: 50));

        Assert.Equal(50, atlas.Fingerprints.Count);
    }

    [Fact]
    public void Adding_a_fingerprint_twice_keeps_the_first_and_its_ratings()
    {
        var atlas = new TaskAtlas().Add(Of("t1", "sql")).Rate("t1", new Rating("alice", 4, null, T0)).Atlas;

        var again = atlas.Add(Of("t1", "sql"));

        Assert.Same(atlas, again);
        Assert.Single(again.Find("t1")!.Ratings!);
    }

    [Fact]
    public void A_rating_before_its_fingerprint_is_applied_when_it_arrives()
    {
        var (waiting, outcome) = new TaskAtlas().Rate("t1", new Rating("alice", 5, "great", T0));

        var atlas = waiting.Add(Of("t1", "sql"));

        Assert.Equal(RatingOutcome.Pending, outcome);
        Assert.Empty(atlas.PendingRatings);
        Assert.Equal(5, atlas.Find("t1")!.Ratings!.Single().Value);
        Assert.Equal(1.0, atlas.Find("t1")!.Value);
    }

    [Fact]
    public void The_first_rating_per_person_stands()
    {
        var atlas = new TaskAtlas().Add(Of("t1", "sql"));

        var (first, applied) = atlas.Rate("t1", new Rating("alice", 5, null, T0));
        var (second, repeated) = first.Rate("t1", new Rating("alice", 1, null, T0));
        var (third, other) = second.Rate("t1", new Rating("bob", 1, null, T0));

        Assert.Equal((RatingOutcome.Applied, RatingOutcome.AlreadyRated, RatingOutcome.Applied), (applied, repeated, other));
        Assert.Same(first, second);
        Assert.Equal([5, 1], third.Find("t1")!.Ratings!.Select(r => r.Value));
        Assert.Equal(0.5, third.Find("t1")!.Value);
    }

    [Fact]
    public void A_repeated_pending_rating_is_held_once()
    {
        var atlas = new TaskAtlas().Rate("t1", new Rating("alice", 5, null, T0)).Atlas;

        var (again, outcome) = atlas.Rate("t1", new Rating("alice", 2, null, T0));

        Assert.Equal(RatingOutcome.AlreadyRated, outcome);
        Assert.Single(again.PendingRatings);
    }

    [Fact]
    public void Pending_ratings_are_bounded_oldest_dropped()
    {
        var atlas = Enumerable.Range(0, 130).Aggregate(new TaskAtlas(), (a, i) => a.Rate($"t{i}", new Rating("alice", 3, null, T0)).Atlas);

        Assert.Equal(TaskAtlas.MaxPendingRatings, atlas.PendingRatings.Count);
        Assert.Equal("t30", atlas.PendingRatings[0].TaskId);
    }

    [Fact]
    public void A_failed_task_gets_a_lesson_naming_strategy_stage_agent_and_type_only()
    {
        var atlas = new TaskAtlas().Add(Of("t1", "sql", strategy: TaskStrategy.Pipeline, succeeded: false, agent: "coder-2"));

        var lesson = atlas.Find("t1")!.Lesson!;

        Assert.Equal(LessonKind.Failure, lesson.Kind);
        Assert.Equal("Similar task failed with strategy pipeline at stage 'answer' on coder-2: NoAgentAvailable.", lesson.Text);
        Assert.False(lesson.CarriesUserText);
    }

    [Fact]
    public void A_bad_rating_writes_a_lesson_with_the_comment_cut_to_500()
    {
        var comment = new string('x', 600);
        var atlas = new TaskAtlas().Add(Of("t1", "sql")).Rate("t1", new Rating("alice", 2, comment, T0)).Atlas;

        var lesson = atlas.Find("t1")!.Lesson!;

        Assert.Equal(LessonKind.Rating, lesson.Kind);
        Assert.Equal("A person rated a similar task 2/5: " + new string('x', 500) + "…", lesson.Text);
        Assert.True(lesson.CarriesUserText);
    }

    [Fact]
    public void A_good_rating_writes_no_lesson_and_a_failure_lesson_stands()
    {
        var rated = new TaskAtlas().Add(Of("t1", "sql")).Add(Of("t2", "sql", succeeded: false))
            .Rate("t1", new Rating("alice", 4, "fine", T0)).Atlas
            .Rate("t2", new Rating("alice", 1, "bad", T0)).Atlas;

        Assert.Null(rated.Find("t1")!.Lesson);
        Assert.Equal(LessonKind.Failure, rated.Find("t2")!.Lesson!.Kind);
    }

    [Fact]
    public void A_full_shard_of_long_prompts_stays_under_600_KB()
    {
        // The design's budget for one shard's state (docs/design/learning.md §11): 500 fingerprints of prompts long
        // enough to keep all 96 features, each with a failed attempt and an answer on two capabilities.
        var words = Enumerable.Range(0, 80).Select(i => $"word{i}").ToList();
        var atlas = Enumerable.Range(0, TaskAtlas.DefaultMaxFingerprints).Aggregate(new TaskAtlas(), (a, i) => a.Add(Of(
            $"task-{i:x32}", string.Join(' ', words.Select(w => w + i)), minute: i, capabilities: ["sql", "python"]) with
        {
            Steps = [.. Enumerable.Range(1, 2).Select(n => new StepTrace($"coder-{n}", "answer", ["sql", "python"], n == 2))],
        }));

        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(atlas).Length;

        Assert.Equal(TermCounts.MaxTerms, atlas.Fingerprints[0].Terms.Terms.Count);
        Assert.True(bytes < 600 * 1024, $"{bytes / 1024} KB");
    }

    [Fact]
    public void An_atlas_reads_back_from_json_as_it_was_written()
    {
        var atlas = new TaskAtlas().Add(Of("t1", "write a sql query")).Rate("t1", new Rating("alice", 2, "slow", T0)).Atlas.Rate("t9", new Rating("bob", 5, null, T0)).Atlas;

        var back = System.Text.Json.JsonSerializer.Deserialize<TaskAtlas>(System.Text.Json.JsonSerializer.Serialize(atlas))!;

        Assert.Equal(atlas.Find("t1")!.Terms, back.Find("t1")!.Terms);
        Assert.Equal(atlas.Find("t1")!.Lesson, back.Find("t1")!.Lesson);
        Assert.Equal("t9", back.PendingRatings.Single().TaskId);
    }
}
