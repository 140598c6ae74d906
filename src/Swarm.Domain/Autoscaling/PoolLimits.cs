namespace Swarm.Domain.Autoscaling;

/// <summary>How far autoscaling may take a pool, and how fast.</summary>
/// <param name="Min">Never fewer members (at least 1, so the pool keeps a template to grow from).</param>
/// <param name="Max">Never more members; <c>system.maxAgents</c> bounds the swarm as a whole on top of this.</param>
/// <param name="Cooldown">No change to the pool within this long after its last one, so it does not flap.</param>
/// <param name="ScaleDownBelow">Shrink only while the pool's seats are used less than this share (and nothing waits).</param>
/// <param name="MaxStep">Agents added in one pass, at most.</param>
public sealed record PoolLimits(int Min, int Max, TimeSpan Cooldown, double ScaleDownBelow, int MaxStep);
