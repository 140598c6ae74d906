using Swarm.Domain.Agents;
using Swarm.Workflows.Models;
using Swarm.Workflows.Tools;

namespace Swarm.Workflows.Agents;

/// <summary>One model call of an agent for one task: the input of <see cref="InvokeAgentActivity"/> (and <see cref="AgentTurnOrchestrator"/>).</summary>
/// <param name="Prompt">The user message (<see cref="AgentPrompt.UserText"/>); the agent's instructions go with it as the system message.</param>
/// <param name="Capability">The capability the task needs, when it names one (the simulated provider's accuracy depends on it).</param>
/// <param name="Deadline">The task's deadline, which stops the call (see <see cref="ModelCallLimits"/>); null for none.</param>
/// <param name="Rounds">The tool rounds of this step so far, which the model sees after the prompt.</param>
/// <param name="Tools">The tools offered on this turn; null for none (no tools configured, or the last turn a limit allows).</param>
/// <param name="ClosingNote">Why no tools are offered any more, told to the model so it answers with what it has.</param>
/// <param name="Stream">Where the turn streams its text as it is generated; null for a call answered in one piece.</param>
/// <param name="SeatChange">
/// The task's first seat's change (its whole index entry, running, and the notices held until then), which the
/// activity writes and sends before it calls the model: carried by the first turn of the step that got that seat
/// instead of sent in an activity of its own, since every activity is two queue messages on the task's path
/// (<see cref="Tasks.Index.TaskIndexWrites"/>). Null on every other turn.
/// </param>
public sealed record AgentTurn(
    string TaskId,
    AgentProfile Agent,
    string Prompt,
    string? Capability = null,
    DateTimeOffset? Deadline = null,
    IReadOnlyList<ToolRound>? Rounds = null,
    ToolOffer? Tools = null,
    string? ClosingNote = null,
    TurnStreaming? Stream = null,
    Tasks.Index.TaskChange? SeatChange = null);
