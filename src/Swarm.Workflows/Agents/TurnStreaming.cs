namespace Swarm.Workflows.Agents;

/// <summary>
/// Where and as what a model turn streams its text, for a task submitted with <c>stream</c>: to the submitter's user
/// and the task's group, as <c>task_delta</c> events keyed by the step, the agent and the turn (see
/// <see cref="Realtime.RealtimeEvents.TaskDelta"/>).
/// </summary>
/// <param name="SubmittedBy">The submitter's user on the real-time channel.</param>
/// <param name="Step">The step's name, as the timeline shows it.</param>
/// <param name="Turn">The turn of the agent's loop on the step, from 1.</param>
public sealed record TurnStreaming(string SubmittedBy, string Step, int Turn);
