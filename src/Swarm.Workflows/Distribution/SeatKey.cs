namespace Swarm.Workflows.Distribution;

/// <summary>Names one seat request of one task: the input of <see cref="DispatcherEntity.Leave"/>.</summary>
public sealed record SeatKey(string TaskId, string Key);
