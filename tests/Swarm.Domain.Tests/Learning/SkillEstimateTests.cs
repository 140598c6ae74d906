using CsCheck;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

/// <summary>The skill estimate's rules: what the learning rate means, and that no estimate leaves [0, 1] or becomes certain.</summary>
public sealed class SkillEstimateTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_estimate_has_mean_one_half_and_no_evidence()
    {
        Assert.Equal(0.5, SkillEstimate.Unknown.Mean);
        Assert.Equal(0, SkillEstimate.Unknown.Evidence);
        Assert.Null(SkillEstimate.Unknown.UpdatedAt);
    }

    [Fact]
    public void Early_signals_move_the_mean_fast_and_the_doubt_shrinks()
    {
        var once = SkillEstimate.Unknown.Apply(1, 1, 0.01, T0);
        var thrice = once.Apply(1, 1, 0.01, T0).Apply(1, 1, 0.01, T0);

        Assert.Equal(2.0 / 3, once.Mean, 3);
        Assert.Equal(4.0 / 5, thrice.Mean, 2);
        Assert.True(thrice.StandardDeviation < once.StandardDeviation);
        Assert.Equal(3, thrice.Signals);
        Assert.Equal(T0, thrice.UpdatedAt);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void Evidence_saturates_near_one_over_the_learning_rate(double rate)
    {
        var estimate = Enumerable.Range(0, 5_000).Aggregate(SkillEstimate.Unknown, (e, i) => e.Apply(i % 3 == 0 ? 0 : 1, 1, rate, T0));

        // The fixed point of n ← (1 − η)·n + 1 is 1/η.
        Assert.Equal(1 / rate, estimate.Evidence, 1 / rate * 0.01);
    }

    [Fact]
    public void At_steady_state_one_signal_moves_the_mean_by_about_the_rate()
    {
        const double rate = 0.01;
        var known = Enumerable.Range(0, 3_000).Aggregate(SkillEstimate.Unknown, (e, i) => e.Apply(i % 2, 1, rate, T0));

        var afterFailure = known.Apply(0, 1, rate, T0);

        // Near μ = 1/2, one failure moves the mean by η·μ·n/(n+2) ≈ η/2 with n ≈ 1/η.
        Assert.InRange(known.Mean - afterFailure.Mean, rate * 0.4, rate * 0.6);
    }

    [Fact]
    public void Weight_two_counts_as_two_signals_of_the_same_value()
    {
        var start = SkillEstimate.Unknown.Apply(1, 1, 0.05, T0).Apply(0, 1, 0.05, T0);

        var weighted = start.Apply(0.25, 2, 0.05, T0);
        var twice = start.Apply(0.25, 1, 0.05, T0).Apply(0.25, 1, 0.05, T0);

        // (1−η)² decay either way; the two single signals decay the first of them once more, so they differ by η·w·y at most.
        Assert.Equal(twice.Mean, weighted.Mean, 0.01);
        Assert.Equal(twice.Evidence, weighted.Evidence, 0.06);
    }

    [Fact]
    public void Relaxing_draws_the_mean_toward_one_half_and_widens_the_doubt()
    {
        var good = Enumerable.Range(0, 50).Aggregate(SkillEstimate.Unknown, (e, _) => e.Apply(1, 1, 0.01, T0));

        var relaxed = good.Relax(0.2);

        Assert.True(relaxed.Mean < good.Mean && relaxed.Mean > 0.5);
        Assert.True(relaxed.StandardDeviation > good.StandardDeviation);
        Assert.Equal(good.UpdatedAt, relaxed.UpdatedAt);
    }

    [Fact]
    public void No_sequence_of_signals_leaves_zero_to_one_or_becomes_certain_beyond_the_rates_bound()
    {
        var signal = from value in Gen.Double[0, 1] from weight in Gen.Double[0.1, 4] select (value, weight);
        Gen.Select(signal.Array[1, 400], Gen.Double[0.005, 0.5]).Sample((signals, rate) =>
        {
            var estimate = signals.Aggregate(SkillEstimate.Unknown, (e, s) => e.Apply(s.value, s.weight, rate, T0));
            var maxWeight = signals.Max(s => s.weight);
            return estimate.Mean is > 0 and < 1
                && estimate.Successes >= 0 && estimate.Failures >= 0
                // n never exceeds the heaviest signal's fixed point w/(1 − (1−η)^w), which grows with w: if n is at most
                // that, d·n + w' is too for any lighter w' (since (1 − d')·f(w) ≥ (1 − d')·f(w') = w').
                && estimate.Evidence <= (maxWeight / (1 - Math.Pow(1 - rate, maxWeight))) + 1e-9;
        });
    }

    [Fact]
    public void A_learning_rate_of_one_keeps_only_the_last_signal()
    {
        var known = Enumerable.Range(0, 20).Aggregate(SkillEstimate.Unknown, (e, _) => e.Apply(1, 1, 0.01, T0));

        var last = known.Apply(0, 1, 1, T0);

        Assert.Equal((0.0, 1.0), (last.Successes, last.Failures));
        Assert.Equal(SkillEstimate.Unknown.Mean, last.Relax(1).Mean);
    }

    [Theory]
    [InlineData(-0.1, 1, 0.01)]
    [InlineData(1.1, 1, 0.01)]
    [InlineData(0.5, 0, 0.01)]
    [InlineData(0.5, 1, 0)]
    [InlineData(0.5, 1, 1.5)]
    [InlineData(double.NaN, 1, 0.01)]
    public void A_signal_outside_the_rules_is_refused(double value, double weight, double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SkillEstimate.Unknown.Apply(value, weight, rate, T0));
    }
}
