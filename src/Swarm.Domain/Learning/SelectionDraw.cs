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
        var stream = new SplitMix64(seed);
        Uniform = stream.NextDouble();
        ShardUniform = stream.NextDouble();
    }

    /// <summary>u in [0, 1): whether this request explores (u &lt; ε), and if so, which agent of the tier (⌊u/ε · m⌋).</summary>
    public double Uniform { get; }

    /// <summary>
    /// A second uniform in [0, 1), independent of <see cref="Uniform"/>: when the shards of a sharded board all explore, which
    /// shard's explored agent the step claims (<see cref="Distribution.ShardProposals"/>).
    /// </summary>
    public double ShardUniform { get; }

    /// <summary>
    /// The draw every shard of a sharded board uses for one request (<see cref="Distribution.DispatchBoard.Propose"/>): seeded
    /// by the holder alone, since each shard has granted a different count, so every shard draws the same u and each agent
    /// the same sample, and the shards' proposals compare as one board's candidates would. The holder is unique per attempt.
    /// </summary>
    public static SelectionDraw ForSwarm(string holder) => For(holder, 0);

    /// <summary>The draw for a seat request on a board that has granted <paramref name="granted"/> seats.</summary>
    public static SelectionDraw For(string holder, long granted) => new(SplitMix64.Fnv1a64(holder) ^ (ulong)granted);

    /// <summary>The candidate's sample from Beta(<paramref name="alpha"/>, <paramref name="beta"/>).</summary>
    public double Sample(string agentId, double alpha, double beta) =>
        BetaSampler.Sample(new SplitMix64(seed ^ SplitMix64.Fnv1a64(agentId)), alpha, beta);
}
