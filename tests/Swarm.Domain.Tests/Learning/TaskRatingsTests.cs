using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Domain.Tests.Learning;

public sealed class TaskRatingsTests
{
    static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rater_keeps_the_first_rating()
    {
        var (once, added) = new TaskRatings().Rate(new Rating("alice", 2, "wrong table", At));
        var (twice, addedAgain) = once.Rate(new Rating("alice", 5, null, At.AddMinutes(1)));

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(2, Assert.Single(twice.Ratings).Value);
    }

    [Fact]
    public void Different_raters_each_count()
    {
        var (ratings, _) = new TaskRatings().Rate(new Rating("alice", 4, null, At));
        (ratings, var added) = ratings.Rate(new Rating("bob", 1, null, At));

        Assert.True(added);
        Assert.Equal(["alice", "bob"], ratings.Ratings.Select(r => r.By));
    }

    [Fact]
    public void A_full_record_refuses_another_rater()
    {
        var ratings = new TaskRatings();
        for (var i = 0; i < TaskRatings.MaxRaters; i++)
        {
            (ratings, _) = ratings.Rate(new Rating($"rater-{i}", 3, null, At));
        }

        var (after, added) = ratings.Rate(new Rating("late", 5, null, At));

        Assert.False(added);
        Assert.Equal(TaskRatings.MaxRaters, after.Ratings.Count);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(3, 0.5)]
    [InlineData(5, 1.0)]
    public void A_rating_maps_onto_a_skill_value(int value, double expected) =>
        Assert.Equal(expected, new Rating("alice", value, null, At).Score, 10);
}
