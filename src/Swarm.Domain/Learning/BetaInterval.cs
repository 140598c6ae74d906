namespace Swarm.Domain.Learning;

/// <summary>
/// A central credible interval of a Beta posterior: the range the agent's chance of success lies in with the given
/// probability (90 % in the agent view). Computed numerically: the regularized incomplete beta function by its continued
/// fraction (Lentz's method), inverted by bisection, so the domain needs no statistics package.
/// </summary>
/// <param name="Low">The lower bound, the (1 − level)/2 quantile.</param>
/// <param name="High">The upper bound, the (1 + level)/2 quantile.</param>
public sealed record BetaInterval(double Low, double High)
{
    /// <summary>The central interval of <paramref name="estimate"/>'s posterior, Beta(1 + S, 1 + F).</summary>
    public static BetaInterval Of(SkillEstimate estimate, double level = 0.9)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Of(1 + estimate.Successes, 1 + estimate.Failures, level);
    }

    /// <summary>The central interval of Beta(<paramref name="alpha"/>, <paramref name="beta"/>) holding <paramref name="level"/> of its mass.</summary>
    public static BetaInterval Of(double alpha, double beta, double level = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), "'level' must be between 0 and 1.");
        }

        return new(Quantile(alpha, beta, (1 - level) / 2), Quantile(alpha, beta, (1 + level) / 2));
    }

    /// <summary>The x with I_x(α, β) = p, by bisection (the CDF is increasing); 60 halvings reach double precision.</summary>
    public static double Quantile(double alpha, double beta, double p)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (RegularizedIncompleteBeta(alpha, beta, mid) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>I_x(α, β), the Beta(α, β) distribution's CDF at x.</summary>
    public static double RegularizedIncompleteBeta(double alpha, double beta, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        // The continued fraction converges fast only below the mean; above it, use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
        if (x > (alpha + 1) / (alpha + beta + 2))
        {
            return 1 - RegularizedIncompleteBeta(beta, alpha, 1 - x);
        }

        var logFront = (alpha * Math.Log(x)) + (beta * Math.Log(1 - x)) - LogBeta(alpha, beta);
        return Math.Exp(logFront) * ContinuedFraction(alpha, beta, x) / alpha;
    }

    // Numerical Recipes' betacf, by Lentz's method.
    static double ContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }

    static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    // Lanczos' approximation (g = 7, nine coefficients): about 15 significant digits for positive arguments.
    static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
