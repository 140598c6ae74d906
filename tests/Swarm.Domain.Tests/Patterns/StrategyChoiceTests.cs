using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using static Swarm.Domain.Tests.Patterns.Fingerprints;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>How <c>auto</c> uses what similar tasks say: only within the task's shape, and only on clear evidence.</summary>
public sealed class StrategyChoiceTests
{
    /// <summary>Evidence from <paramref name="count"/> neighbours per strategy, <paramref name="good"/> of each succeeding, all fully similar.</summary>
    static StrategyEvidence Evidence(params (TaskStrategy Strategy, int Count, int Good)[] runs) => StrategyEvidence.From([.. runs
        .SelectMany(r => Enumerable.Range(0, r.Count).Select(i => new SimilarTask(Of($"{r.Strategy}-{i}", "sql", strategy: r.Strategy, succeeded: i < r.Good), 1.0)))]);

    [Fact]
    public void Without_evidence_auto_follows_the_shape()
    {
        Assert.Equal(TaskStrategy.Single, StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1).Strategy);
        Assert.Equal(TaskStrategy.Hierarchical, StrategyChoice.For(TaskStrategy.Auto, 1, 0, 2).Strategy);
        Assert.Equal(TaskStrategy.Parallel, StrategyChoice.For(TaskStrategy.Auto, 3, 0, 0).Strategy);
        Assert.Equal(TaskStrategy.Pipeline, StrategyChoice.For(TaskStrategy.Auto, 1, 2, 0).Strategy);
        Assert.Equal("auto: one prompt, at most one capability", StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1, StrategyEvidence.None).Reason);
    }

    [Fact]
    public void Auto_keeps_the_shape_default_with_fewer_than_three_neighbours()
    {
        var choice = StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1, Evidence((TaskStrategy.Single, 0, 0), (TaskStrategy.Hierarchical, 2, 2)));

        Assert.Equal(TaskStrategy.Single, choice.Strategy);
        Assert.False(choice.FromEvidence);
        Assert.Equal("auto: one prompt, at most one capability; similar tasks: 2, too few to change it", choice.Reason);
    }

    [Fact]
    public void Auto_switches_to_a_strategy_that_worked_clearly_better()
    {
        var choice = StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1, Evidence((TaskStrategy.Single, 5, 1), (TaskStrategy.Hierarchical, 7, 6)));

        Assert.Equal(TaskStrategy.Hierarchical, choice.Strategy);
        Assert.True(choice.FromEvidence);
        Assert.Equal("auto: 7 similar tasks, 6 succeeded with it; the shape's default single: 1 of 5", choice.Reason);
    }

    [Fact]
    public void Auto_keeps_the_default_when_the_other_is_not_ten_points_better()
    {
        // Single 4 of 5 scores 5/7 ≈ 0.71; hierarchical 6 of 7 scores 7/9 ≈ 0.78: better, but not by 0.10.
        var choice = StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1, Evidence((TaskStrategy.Single, 5, 4), (TaskStrategy.Hierarchical, 7, 6)));

        Assert.Equal(TaskStrategy.Single, choice.Strategy);
        Assert.Equal("auto: one prompt, at most one capability; similar tasks: 12, single 4 of 5, hierarchical 6 of 7", choice.Reason);
    }

    [Fact]
    public void Auto_names_the_evidence_when_it_agrees_with_the_shape()
    {
        var choice = StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1, Evidence((TaskStrategy.Single, 5, 5)));

        Assert.Equal("auto: one prompt, at most one capability; similar tasks: 5, single 5 of 5", choice.Reason);
    }

    [Fact]
    public void Auto_switches_only_within_the_shape()
    {
        // Consensus did best of all, but a one-agent task may only run single or hierarchical, and stages only a pipeline.
        var evidence = Evidence((TaskStrategy.Single, 5, 0), (TaskStrategy.Consensus, 9, 9), (TaskStrategy.Pipeline, 9, 9));

        Assert.Equal(TaskStrategy.Single, StrategyChoice.For(TaskStrategy.Auto, 1, 0, 1, evidence).Strategy);
        Assert.Equal(TaskStrategy.Consensus, StrategyChoice.For(TaskStrategy.Auto, 3, 0, 1, evidence).Strategy);
        Assert.Equal(TaskStrategy.Pipeline, StrategyChoice.For(TaskStrategy.Auto, 3, 2, 1, Evidence((TaskStrategy.Pipeline, 5, 0), (TaskStrategy.Parallel, 9, 9))).Strategy);
    }

    [Fact]
    public void An_explicit_strategy_is_never_changed()
    {
        var choice = StrategyChoice.For(TaskStrategy.Single, 1, 0, 1, Evidence((TaskStrategy.Single, 5, 0), (TaskStrategy.Hierarchical, 9, 9)));

        Assert.Equal((TaskStrategy.Single, "requested"), (choice.Strategy, choice.Reason));
    }

    [Fact]
    public void People_rating_a_strategy_well_counts_as_success()
    {
        // Every hierarchical task completed but people rated them 1; the singles were rated 5.
        var neighbours = Enumerable.Range(0, 5).Select(i => new SimilarTask(Of($"h{i}", "sql", strategy: TaskStrategy.Hierarchical) with { Ratings = [new Rating("alice", 1, null, T0)] }, 1.0))
            .Concat(Enumerable.Range(0, 5).Select(i => new SimilarTask(Of($"s{i}", "sql") with { Ratings = [new Rating("alice", 5, null, T0)] }, 1.0)))
            .ToList();

        var choice = StrategyChoice.For(TaskStrategy.Auto, 1, 0, 2, StrategyEvidence.From(neighbours));

        Assert.Equal(TaskStrategy.Single, choice.Strategy);
        Assert.Equal("auto: 5 similar tasks, 5 succeeded with it; the shape's default hierarchical: 0 of 5", choice.Reason);
    }
}
