namespace Swarm.Domain.Learning;

/// <summary>
/// The randomness of one routing decision, reproducible: seeded with <c>FNV-1a64(holder) ⊕ granted</c> (the seat's
/// holder key and how many seats the board has granted), so the same board and request always draw the same numbers and
/// two requests, or one step's retries, draw different ones. Each candidate's Beta sample comes from its own stream,
/// seeded from the request's seed and the agent's id, so adding or removing an agent changes no other agent's draw.
/// </summary>
public sealed class SelectionDraw
{
    readonly ulong seed;

    SelectionDraw(ulong seed)
    {
        this.seed = seed;
        Uniform = new SplitMix64(seed).NextDouble();
    }

    /// <summary>u in [0, 1): whether this request explores (u &lt; ε), and if so, which agent of the tier (⌊u/ε · m⌋).</summary>
    public double Uniform { get; }

    /// <summary>The draw for a seat request on a board that has granted <paramref name="granted"/> seats.</summary>
    public static SelectionDraw For(string holder, long granted) => new(SplitMix64.Fnv1a64(holder) ^ (ulong)granted);

    /// <summary>The candidate's sample from Beta(<paramref name="alpha"/>, <paramref name="beta"/>).</summary>
    public double Sample(string agentId, double alpha, double beta) =>
        BetaSampler.Sample(new SplitMix64(seed ^ SplitMix64.Fnv1a64(agentId)), alpha, beta);
}
