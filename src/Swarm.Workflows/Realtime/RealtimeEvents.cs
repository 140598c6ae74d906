using System.Text.Json;
using Swarm.Domain.Agents;
using Swarm.Workflows.Json;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Realtime;

/// <summary>
/// The events the swarm pushes. They are notices, not the record: the durable state they describe stays readable over
/// REST, so a client that was not connected loses nothing it cannot read back.
/// </summary>
public static class RealtimeEvents
{
    /// <summary>An external agent holds a step and should answer it (with <c>POST /api/v1/tasks/{id}/result</c>).</summary>
    public const string TaskAssigned = "task_assigned";

    /// <summary>A task ended: completed, failed or canceled.</summary>
    public const string TaskFinished = "task_finished";

    /// <summary>The task an agent holds a step of was ended from outside (canceled, or reaped as stalled): stop working on it.</summary>
    public const string TaskCanceled = "task_canceled";

    /// <summary>An external participant has an open ballot in a consensus round.</summary>
    public const string BallotRequested = "ballot_requested";

    /// <summary>A message to an agent from another agent or a person (<c>POST /api/v1/messages</c>).</summary>
    public const string AgentMessage = "agent_message";

    /// <summary>The API's own JSON, so an event reads like the resource it describes (and quotes stay quotes).</summary>
    static JsonSerializerOptions Web => SwarmJson.Options;

    // The links below are REST paths of the route table, which lives above this layer; RoutePathTests holds them to it.
    public static RealtimeDelivery Assigned(string agentId, string taskId, string step, string prompt, DateTimeOffset answerBy) =>
        new(RealtimeAudience.User(AgentUser(agentId)), TaskAssigned, JsonSerializer.SerializeToElement(new { taskId, step, prompt, answerBy, resultUrl = $"/api/v1/tasks/{taskId}/result" }, Web));

    /// <summary>The task's <c>task_finished</c> for its submitter, or null when the submitter did not ask (<c>notify</c>).</summary>
    public static RealtimeDelivery? FinishedFor(TaskRunInput task, string status, string? result = null, string? errorType = null, string? errorMessage = null) =>
        task is { NotifySubmitter: true, SubmittedBy: { } submitter } ? Finished(submitter, task.TaskId, status, result, errorType, errorMessage) : null;

    /// <summary>
    /// The outcome travels with the notice: it is sent just before the orchestration's last checkpoint, so for a moment
    /// <c>GET /api/v1/tasks/{id}</c> may still say <c>running</c>.
    /// </summary>
    public static RealtimeDelivery Finished(string userId, string taskId, string status, string? result = null, string? errorType = null, string? errorMessage = null) =>
        new(RealtimeAudience.User(userId), TaskFinished, JsonSerializer.SerializeToElement(
            new { taskId, status, result, error = errorType is null ? null : new { type = errorType, message = errorMessage }, location = $"/api/v1/tasks/{taskId}" }, Web));

    /// <summary>
    /// Tells an agent that the task whose <paramref name="step"/> it holds has ended, so it stops working on it (its result
    /// would be refused). <paramref name="errorType"/> is the task's error type: <c>Canceled</c>, or <c>Stalled</c>.
    /// </summary>
    public static RealtimeDelivery Canceled(string agentId, string taskId, string step, string errorType, string reason) =>
        new(RealtimeAudience.User(AgentUser(agentId)), TaskCanceled, JsonSerializer.SerializeToElement(
            new { taskId, step, error = new { type = errorType, message = reason }, location = $"/api/v1/tasks/{taskId}" }, Web));

    public static RealtimeDelivery Ballot(string agentId, string proposalId, int round, string question, IReadOnlyList<string> options, DateTimeOffset voteBy) =>
        new(RealtimeAudience.User(AgentUser(agentId)), BallotRequested, JsonSerializer.SerializeToElement(
            new { proposalId, round, question, options, voteBy, voteUrl = $"/api/v1/consensus/proposals/{proposalId}/votes" }, Web));

    /// <param name="from">The sender's user id on the channel (<c>agent:{id}</c> for an agent).</param>
    public static RealtimeDelivery Message(string agentId, string messageId, string from, string? topic, string text, DateTimeOffset sentAt) =>
        new(RealtimeAudience.User(AgentUser(agentId)), AgentMessage, JsonSerializer.SerializeToElement(new { messageId, from, to = agentId, topic, text, sentAt }, Web));

    /// <summary>A message to every connection in a group (a task's, a capability's, every agent's): <c>to</c> names the group.</summary>
    public static RealtimeDelivery GroupMessage(string group, string messageId, string from, string? topic, string text, DateTimeOffset sentAt) =>
        new(RealtimeAudience.Group(group), AgentMessage, JsonSerializer.SerializeToElement(new { messageId, from, group, topic, text, sentAt }, Web));

    /// <summary>An agent's user id on the channel: the subject its API key and sessions authenticate as.</summary>
    public static string AgentUser(string agentId) => AgentSubject.Of(agentId);
}
