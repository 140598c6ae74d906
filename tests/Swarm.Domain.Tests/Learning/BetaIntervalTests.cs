using CsCheck;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

/// <summary>The 90 % interval the agent view shows, against closed forms and the sampler.</summary>
public sealed class BetaIntervalTests
{
    [Fact]
    public void The_prior_interval_is_five_to_ninety_five_percent()
    {
        var interval = BetaInterval.Of(SkillEstimate.Unknown);

        Assert.Equal(0.05, interval.Low, 9);
        Assert.Equal(0.95, interval.High, 9);
    }

    [Fact]
    public void Beta_two_one_has_the_square_root_quantiles()
    {
        // Its CDF is x², so the quantile of p is √p.
        var interval = BetaInterval.Of(2, 1);

        Assert.Equal(Math.Sqrt(0.05), interval.Low, 9);
        Assert.Equal(Math.Sqrt(0.95), interval.High, 9);
    }

    [Fact]
    public void About_ninety_percent_of_samples_fall_inside()
    {
        Gen.Select(Gen.Double[0.5, 60], Gen.Double[0.5, 60], Gen.ULong).Sample((a, b, seed) =>
        {
            var interval = BetaInterval.Of(a, b);
            var random = new SplitMix64(seed);
            const int N = 4_000;
            var inside = Enumerable.Range(0, N).Count(_ => BetaSampler.Sample(random, a, b) is var x && x >= interval.Low && x <= interval.High);
            // Binomial(4000, 0.9): sd ≈ 19; five of them either way.
            return interval.Low < a / (a + b) && a / (a + b) < interval.High && Math.Abs(inside - (0.9 * N)) < 95;
        }, iter: 30);
    }
}
