namespace Swarm.Domain.Distribution;

/// <summary>One dispatch shard's load, as the system state shows it.</summary>
/// <param name="Shard">0 is <c>dispatcher@swarm</c>, i &gt; 0 is <c>dispatcher@swarm-i</c>.</param>
/// <param name="Waiting">Its line's length (a step waiting on several shards is in each of their lines).</param>
/// <param name="SeatsHeld">Seats its agents hold.</param>
/// <param name="SeatsTotal">Seats of its agents that accept work.</param>
/// <param name="Agents">Agents placed on it.</param>
public sealed record ShardLoad(int Shard, int Waiting, int SeatsHeld, int SeatsTotal, int Agents)
{
    public static ShardLoad Of(int shard, DispatchBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var summary = board.Summarize();
        return new ShardLoad(shard, summary.Waiting, summary.SeatsInUse, summary.SeatsTotal, summary.Agents);
    }
}
