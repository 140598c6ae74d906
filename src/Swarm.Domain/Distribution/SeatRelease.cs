namespace Swarm.Domain.Distribution;

/// <summary>A step giving its seat back, with its outcome when it has one (null when it never ran, e.g. the agent refused the claim).</summary>
public sealed record SeatRelease(string AgentId, string Holder, bool? Succeeded, IReadOnlyList<string> Capabilities);
