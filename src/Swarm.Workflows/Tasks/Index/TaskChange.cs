using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tasks.Index;

/// <summary>
/// One change of a task's state as it leaves the orchestration: its task index entry and the real-time notices that
/// tell of it, written and sent by one activity (<see cref="RecordTaskChangeActivity"/>), so a change costs one
/// activity's messages, not two.
/// </summary>
/// <param name="Entry">The whole entry as it now is; null when only notices go.</param>
/// <param name="Notices">What the channel tells of it, each audience's in order; empty when the channel is off.</param>
public sealed record TaskChange(TaskIndexEntry? Entry, IReadOnlyList<RealtimeDelivery> Notices);
