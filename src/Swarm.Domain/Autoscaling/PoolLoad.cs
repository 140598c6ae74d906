namespace Swarm.Domain.Autoscaling;

/// <summary>What an autoscaling pass sees of one pool: its size, its seats, and the steps waiting that it could serve.</summary>
/// <param name="Pool">The pool's key, e.g. <c>specialist.analysis</c>.</param>
/// <param name="Members">Active agents in the pool.</param>
/// <param name="IdleMembers">Members holding no seat.</param>
/// <param name="SeatsPerAgent">The seats a new member would bring (the template's maxConcurrency).</param>
/// <param name="Waiting">Steps in the dispatcher's line that an agent of this pool could take.</param>
public sealed record PoolLoad(string Pool, int Members, int IdleMembers, int SeatsInUse, int SeatsTotal, int SeatsPerAgent, int Waiting)
{
    /// <summary>Share of the pool's seats in use, 0 to 1 (0 for an empty pool).</summary>
    public double Utilization => SeatsTotal == 0 ? 0 : (double)SeatsInUse / SeatsTotal;
}
