using System.Text.Json;
using Swarm.Domain.Agents;
using Swarm.Domain.Autoscaling;
using Swarm.Domain.Tasks;
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

    /// <summary>
    /// A piece of an agent's answer as the model generates it, for a task submitted with <c>stream</c>. The text of one
    /// model call is told by its key (<c>step</c>, <c>agentId</c>, <c>turn</c>) and <c>attempt</c>: the deltas of one attempt
    /// carry <c>sequence</c> 0, 1, 2 ... in order, and the last one has <c>final: true</c> once the call has ended well.
    /// <para>
    /// The attempt rule: <c>attempt</c> is the time the execution of the model call began, in milliseconds since the Unix
    /// epoch, so a later attempt of the same call (a durable retry of the activity, or its rerun after a host crash) has a
    /// greater number, and its sequence starts again at 0: a client that sees a greater attempt throws away what it
    /// joined of the earlier one. It holds while the workers' clocks agree to within the gap between attempts (a durable
    /// retry waits at least 1 s; a rerun after a crash waits for the work item's lease to lapse). Polly's retries and a
    /// fallback to another provider happen only before the first chunk (see the provider stack), inside one attempt, so
    /// no text of theirs was sent. A gap in <c>sequence</c> means a frame was dropped by the channel: what is durable
    /// (<c>task_finished</c>, <c>GET /api/v1/tasks/{id}</c>) is the whole answer either way.
    /// </para>
    /// </summary>
    public const string TaskDelta = "task_delta";

    /// <summary>A task ended: completed, failed or canceled.</summary>
    public const string TaskFinished = "task_finished";

    /// <summary>The task an agent holds a step of was ended from outside (canceled, or reaped as stalled): stop working on it.</summary>
    public const string TaskCanceled = "task_canceled";

    /// <summary>An external participant has an open ballot in a consensus round.</summary>
    public const string BallotRequested = "ballot_requested";

    /// <summary>A message to an agent from another agent or a person (<c>POST /api/v1/messages</c>).</summary>
    public const string AgentMessage = "agent_message";

    /// <summary>A person rated a finished task the agent worked on (<c>POST /api/v1/tasks/{id}/feedback</c>).</summary>
    public const string TaskFeedback = "task_feedback";

    // Group events: what a group's members receive (RealtimeGroups). Operators hear the swarm's own changes; a task's
    // group its state changes; a proposal's group its ballots as they arrive and its outcome.

    /// <summary>An agent joined the swarm (to <see cref="RealtimeGroups.Operators"/>).</summary>
    public const string AgentCreated = "agent_created";

    /// <summary>An agent left the swarm for good, its last step done and its keys revoked (to operators).</summary>
    public const string AgentRetired = "agent_retired";

    /// <summary>An agent went unhealthy (failed steps in a row, so no new work) or recovered from it (to operators).</summary>
    public const string AgentHealthChanged = "agent_health_changed";

    /// <summary>
    /// A task changed state, named as <c>GET /api/v1/tasks/{id}</c> names it: <c>awaitingApproval</c>, <c>running</c>,
    /// <c>completed</c>, <c>failed</c> or <c>canceled</c> (to its group and operators). <c>queued</c> is not sent: a task
    /// is queued from its acceptance (the submitter's answer says so) until its first event.
    /// </summary>
    public const string TaskStateChanged = "task_state_changed";

    /// <summary>The autoscaler grew or shrank a pool (to operators; holds are not sent, only logged and kept).</summary>
    public const string ScalingDecided = "scaling_decision";

    /// <summary>The swarm's readiness changed: a dependency stopped or started answering (to operators).</summary>
    public const string HealthChanged = "health_changed";

    /// <summary>A voter's ballot arrived in a round (to the proposal's group): who and when, never what, until the proposal ends.</summary>
    public const string BallotCast = "ballot_cast";

    /// <summary>A proposal ended, decided or not (to the proposal's group).</summary>
    public const string ProposalDecided = "proposal_decided";

    /// <summary>The API's own JSON, so an event reads like the resource it describes (and quotes stay quotes).</summary>
    static JsonSerializerOptions Web => SwarmJson.Options;

    // The links below are REST paths of the route table, which lives above this layer; RoutePathTests holds them to it.
    public static RealtimeDelivery Assigned(string agentId, string taskId, string step, string prompt, DateTimeOffset answerBy) =>
        new(RealtimeAudience.User(AgentUser(agentId)), TaskAssigned, JsonSerializer.SerializeToElement(new { taskId, step, prompt, answerBy, resultUrl = $"/api/v1/tasks/{taskId}/result" }, Web));

    /// <summary>
    /// The task's <c>task_finished</c> notices: for its submitter when it asked (<c>notify</c>) or streams, and for the
    /// task's group too when it streams (its watchers saw the deltas and must see the end); none when nobody asked.
    /// </summary>
    public static IReadOnlyList<RealtimeDelivery> FinishedFor(TaskRunInput task, string status, string? result = null, string? errorType = null, string? errorMessage = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task is not { SubmittedBy: { } submitter } || !(task.NotifySubmitter || task.Stream))
        {
            return [];
        }

        var notice = Finished(submitter, task.TaskId, status, result, errorType, errorMessage);
        return task.Stream ? [notice, notice.For(RealtimeAudience.Group(RealtimeGroups.Task(task.TaskId)))] : [notice];
    }

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

    /// <summary>One batch of a model call's streamed text, for <paramref name="audience"/> (see <see cref="TaskDelta"/>).</summary>
    public static RealtimeDelivery Delta(RealtimeAudience audience, string taskId, string step, string agentId, int turn, long attempt, int sequence, string text, bool final) =>
        new(audience, TaskDelta, JsonSerializer.SerializeToElement(
            new { taskId, step, agentId, turn, attempt, sequence, text, final = final ? true : (bool?)null }, Web));

    public static RealtimeDelivery Ballot(string agentId, string proposalId, int round, string question, IReadOnlyList<string> options, DateTimeOffset voteBy) =>
        new(RealtimeAudience.User(AgentUser(agentId)), BallotRequested, JsonSerializer.SerializeToElement(
            new { proposalId, round, question, options, voteBy, voteUrl = $"/api/v1/consensus/proposals/{proposalId}/votes" }, Web));

    /// <param name="from">The sender's user id on the channel (<c>agent:{id}</c> for an agent).</param>
    public static RealtimeDelivery Message(string agentId, string messageId, string from, string? topic, string text, DateTimeOffset sentAt) =>
        new(RealtimeAudience.User(AgentUser(agentId)), AgentMessage, JsonSerializer.SerializeToElement(new { messageId, from, to = agentId, topic, text, sentAt }, Web));

    /// <summary>A rating of a task the agent worked on; the comment is the person's words, for the agent to weigh.</summary>
    public static RealtimeDelivery Feedback(string agentId, string taskId, string by, int rating, string? comment, DateTimeOffset at) =>
        new(RealtimeAudience.User(AgentUser(agentId)), TaskFeedback, JsonSerializer.SerializeToElement(
            new { taskId, by, rating, comment, at, location = $"/api/v1/tasks/{taskId}" }, Web));

    /// <summary>A task's state change, for its group and for operators (two deliveries, sent together).</summary>
    public static IReadOnlyList<RealtimeDelivery> TaskState(string taskId, TaskRunStatus state, DateTimeOffset at, string? errorType = null, string? errorMessage = null)
    {
        var data = JsonSerializer.SerializeToElement(
            new { taskId, state, at, error = errorType is null ? null : new { type = errorType, message = errorMessage }, location = $"/api/v1/tasks/{taskId}" }, Web);
        return [new(RealtimeAudience.Group(RealtimeGroups.Task(taskId)), TaskStateChanged, data), new(RealtimeAudience.Group(RealtimeGroups.Operators), TaskStateChanged, data)];
    }

    public static RealtimeDelivery AgentJoined(AgentProfile profile, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return ToOperators(AgentCreated, new
        {
            agentId = profile.Id, name = profile.Name, type = profile.Type, expertise = profile.EffectiveRole.Expertise, provider = profile.Provider.Type, model = profile.Provider.Model, at,
            location = $"/api/v1/agents/{profile.Id}",
        });
    }

    /// <param name="completed">Steps it completed in its life; <paramref name="failed"/> those that failed.</param>
    public static RealtimeDelivery AgentLeft(string agentId, long completed, long failed, DateTimeOffset at) =>
        ToOperators(AgentRetired, new { agentId, completed, failed, at, location = $"/api/v1/agents/{agentId}" });

    /// <param name="healthy">False when it went unhealthy, true when self-healing gave it work again.</param>
    public static RealtimeDelivery AgentHealth(string agentId, bool healthy, string reason, DateTimeOffset at) =>
        ToOperators(AgentHealthChanged, new { agentId, status = healthy ? "healthy" : "unhealthy", reason, at, location = $"/api/v1/agents/{agentId}" });

    public static RealtimeDelivery Scaling(string pool, ScalingAction action, int from, int to, string reason, DateTimeOffset at) =>
        ToOperators(ScalingDecided, new { pool, action, from, to, reason, at, location = "/api/v1/system/scaling" });

    /// <param name="checks">Each dependency and <c>ok</c>, or why it is not.</param>
    public static RealtimeDelivery Health(bool ready, IReadOnlyDictionary<string, string> checks, DateTimeOffset at) =>
        ToOperators(HealthChanged, new { status = ready ? "ready" : "degraded", checks, at, location = "/api/v1/system/health" });

    /// <summary>A ballot that arrived, without its choice: ballots are counted, and shown, only when the proposal ends.</summary>
    public static RealtimeDelivery Cast(string proposalId, int round, string voterId, DateTimeOffset at) =>
        new(RealtimeAudience.Group(RealtimeGroups.Proposal(proposalId)), BallotCast, JsonSerializer.SerializeToElement(
            new { proposalId, round, voterId, at, location = $"/api/v1/consensus/proposals/{proposalId}" }, Web));

    public static RealtimeDelivery Decided(string proposalId, bool decided, string? winner, string reason, int rounds, DateTimeOffset at) =>
        new(RealtimeAudience.Group(RealtimeGroups.Proposal(proposalId)), ProposalDecided, JsonSerializer.SerializeToElement(
            new { proposalId, decided, winner, reason, rounds, at, location = $"/api/v1/consensus/proposals/{proposalId}" }, Web));

    /// <summary>A status as the API writes it (<c>completed</c>, <c>awaitingApproval</c>).</summary>
    public static string StatusName(TaskRunStatus status) => JsonSerializer.SerializeToElement(status, Web).GetString()!;

    static RealtimeDelivery ToOperators(string type, object data) =>
        new(RealtimeAudience.Group(RealtimeGroups.Operators), type, JsonSerializer.SerializeToElement(data, Web));

    /// <summary>A message to every connection in a group (a task's, a capability's, every agent's): <c>to</c> names the group.</summary>
    public static RealtimeDelivery GroupMessage(string group, string messageId, string from, string? topic, string text, DateTimeOffset sentAt) =>
        new(RealtimeAudience.Group(group), AgentMessage, JsonSerializer.SerializeToElement(new { messageId, from, group, topic, text, sentAt }, Web));

    /// <summary>An agent's user id on the channel: the subject its API key and sessions authenticate as.</summary>
    public static string AgentUser(string agentId) => AgentSubject.Of(agentId);
}
