namespace Swarm.Benchmarks.Voting;

/// <summary>
/// Condorcet's jury theorem, computed exactly for <c>n</c> independent voters, each right with probability <c>p</c>, and
/// three options, a wrong voter picking either wrong option with equal chance (as the simulated voters do).
/// </summary>
static class JuryTheorem
{
    /// <summary>
    /// P(the right option gets strictly more than half the votes) = Σ_{k &gt; n/2} C(n, k) p^k (1 − p)^(n − k): exactly the
    /// chance that simple majority decides for the right option when everyone votes, and a lower bound for the right
    /// option merely leading (with three options the wrong votes split, so it can lead without a majority).
    /// </summary>
    public static double StrictMajority(int n, double p)
    {
        var sum = 0.0;
        for (var k = n / 2 + 1; k <= n; k++)
        {
            sum += Choose(n, k) * Math.Pow(p, k) * Math.Pow(1 - p, n - k);
        }

        return sum;
    }

    /// <summary>P(the right option gets more votes than each wrong one): a trinomial sum over the votes for the two wrong options.</summary>
    public static double PluralityOfThree(int n, double p)
    {
        var q = (1 - p) / 2;
        var sum = 0.0;
        for (var right = 0; right <= n; right++)
        {
            for (var first = 0; first <= n - right; first++)
            {
                var second = n - right - first;
                if (right > first && right > second)
                {
                    sum += Choose(n, right) * Choose(n - right, first) * Math.Pow(p, right) * Math.Pow(q, n - right);
                }
            }
        }

        return sum;
    }

    static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
