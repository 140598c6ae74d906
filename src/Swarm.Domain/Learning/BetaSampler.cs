namespace Swarm.Domain.Learning;

/// <summary>
/// Draws from a Beta(α, β) distribution as <c>G1 / (G1 + G2)</c> with <c>G1 ~ Gamma(α)</c>, <c>G2 ~ Gamma(β)</c>, each by
/// Marsaglia and Tsang's method (2000): exact, with no tables, and about one normal and one uniform per draw.
/// </summary>
public static class BetaSampler
{
    /// <summary>One draw from Beta(<paramref name="alpha"/>, <paramref name="beta"/>), both above 0.</summary>
    public static double Sample(SplitMix64 random, double alpha, double beta)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        var x = Gamma(random, alpha);
        var y = Gamma(random, beta);
        return x / (x + y);
    }

    /// <summary>One draw from Gamma(shape, 1).</summary>
    public static double Gamma(SplitMix64 random, double shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (shape < 1)
        {
            // Gamma(k) = Gamma(k + 1) · U^(1/k) for k below 1, where the method itself does not apply.
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var x = Normal(random);
            var v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].
    static double Normal(SplitMix64 random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
