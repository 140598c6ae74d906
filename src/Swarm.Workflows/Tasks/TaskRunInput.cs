using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks;

/// <summary>The input a task's orchestration starts with: the accepted request, resolved against the settings.</summary>
/// <param name="TaskId">Also the orchestration's instance id.</param>
/// <param name="Capabilities">Expertise the task's agent must have.</param>
/// <param name="Agents">How many agents answer a parallel task.</param>
/// <param name="Stages">A pipeline's stages, in order.</param>
/// <param name="Merge">Whether a queen merges a parallel task's answers.</param>
/// <param name="SlotWaitLimit">How long one step may wait in line for an agent before the task fails.</param>
/// <param name="MaxAttempts">How many agents a step may try before the task fails with every reason.</param>
/// <param name="Deadline">When the task must be done by; null for no limit beyond the waits.</param>
/// <param name="ApprovalWaitLimit">How long a task that requires approval waits for a person's decision.</param>
/// <param name="SubmittedBy">The principal that submitted it, for the timeline.</param>
/// <param name="RequestFingerprint">A hash of the request, so a reused idempotency key with a different body is refused.</param>
/// <param name="Notify">Whether the channel is on, so external agents hear of their steps (fixed at submission, so replays agree).</param>
/// <param name="NotifySubmitter">Whether the submitter asked to hear when the task ends; each notice is one more activity.</param>
/// <param name="Stream">
/// Whether the agents' model turns stream their text to the submitter and the task's group (<c>task_delta</c>) and the
/// end goes to both (<c>task_finished</c>); false in the histories of tasks submitted before the field existed.
/// </param>
/// <param name="NotifyGroups">
/// Whether its state changes go to its group and the operators' group (the channel was on at submission, so replays
/// agree; a task stored before groups existed reads back false and runs the activities it ran before).
/// </param>
/// <param name="SealMemory">Whether memory values its agents' tools write are sealed (encryption at rest was on at submission, so replays agree).</param>
/// <param name="EmbedMemory">
/// Whether its agents' memory tools embed plain values they put and queries they search (<c>learning:embeddings</c> was
/// on at submission, so replays agree); false in histories from before, which run no embedding activity.
/// </param>
/// <param name="Patterns">
/// Pattern recognition as set at submission: recall of similar tasks before the strategy is chosen, and the task's
/// fingerprint at the end. Null when it was off, and in the histories of tasks submitted before it existed, which
/// then replay without the entity call and the signal they never made.
/// </param>
/// <param name="AcceptedAt">
/// When the API accepted it: its place in the task index (newest first). Null in the histories of tasks submitted
/// before the index existed, which then replay without the index writes they never made.
/// </param>
/// <param name="ChangesTogether">
/// Whether a state change's index entry and its real-time notices leave in one activity
/// (<see cref="Index.RecordTaskChangeActivity"/>); false in the histories of tasks submitted before, which replay with
/// the separate index and notice activities they ran.
/// </param>
/// <param name="DispatchShards">
/// How many shards the dispatch board had at submission (<c>dispatch:shards</c>), fixed so replays ask the same shards;
/// null in the histories of tasks submitted before shards, which is one: the board they asked.
/// </param>
/// <param name="FirstWriteAtSeat">
/// Whether the task's first index write waits for its first seat (or its first wait in line, for approval, or its
/// end), and the first seat's change goes with that step's first model call (<see cref="Agents.AgentTurn.SeatChange"/>)
/// instead of in an activity of its own; false in the histories of tasks submitted before, which replay with the
/// acceptance's and the first seat's activities they ran.
/// </param>
public sealed record TaskRunInput(
    string TaskId,
    string Prompt,
    int Priority,
    IReadOnlyList<string> Capabilities,
    TaskStrategy Strategy,
    int Agents,
    IReadOnlyList<TaskStage> Stages,
    bool Merge,
    TimeSpan SlotWaitLimit,
    int MaxAttempts,
    DateTimeOffset? Deadline,
    bool RequiresApproval,
    TimeSpan ApprovalWaitLimit,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? SubmittedBy = null,
    string? RequestFingerprint = null,
    bool Notify = false,
    bool NotifySubmitter = false,
    bool SealMemory = false,
    bool Stream = false,
    bool NotifyGroups = false,
    bool EmbedMemory = false,
    Patterns.PatternOptions? Patterns = null,
    DateTimeOffset? AcceptedAt = null,
    bool ChangesTogether = false,
    int? DispatchShards = null,
    bool FirstWriteAtSeat = false);
