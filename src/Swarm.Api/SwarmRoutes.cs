using Swarm.Api.Contract;
using Swarm.Api.Endpoints;
using Swarm.Api.Endpoints.Agents;
using Swarm.Api.Endpoints.Audit;
using Swarm.Api.Endpoints.Consensus;
using Swarm.Api.Endpoints.Memory;
using Swarm.Api.Endpoints.Messages;
using Swarm.Api.Endpoints.OpenApi;
using Swarm.Api.Endpoints.Operations;
using Swarm.Api.Endpoints.Operations.Prometheus;
using Swarm.Api.Endpoints.Patterns;
using Swarm.Api.Endpoints.Providers;
using Swarm.Api.Endpoints.Realtime;
using Swarm.Api.Endpoints.Scaling;
using Swarm.Api.Endpoints.Security;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Application.Audit;
using Swarm.Application.Security;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;

namespace Swarm.Api;

/// <summary>
/// Every HTTP endpoint of the swarm, with the permission each needs declared beside it. The local host maps
/// this list; the Functions app declares one function per entry, and a test holds the two to it.
/// </summary>
public static class SwarmRoutes
{
    public static readonly ApiRoute Health = new("Health", "GET", "health", Permissions.Anonymous, typeof(HealthHandler))
        { Contract = new("Is the process up", ApiResult.Ok<HealthView>("The process is up; says nothing of its dependencies (see /ready).")) };
    public static readonly ApiRoute Ready = new("Ready", "GET", "ready", Permissions.Anonymous, typeof(ReadyHandler))
        { Contract = new("Can the swarm take work now", ApiResult.Ok<ReadinessView>("Storage and the durable runtime answer."), new ApiResult(503, typeof(ReadinessView), "A dependency does not answer; each check says which.")) };
    public static readonly ApiRoute SubmitTask = new("SubmitTask", "POST", "api/v1/tasks", Permissions.TasksSubmit, typeof(SubmitTaskHandler), TakesBody: true)
        { Contract = new("Submit a task", ApiResult.Accepted<TaskAccepted>("The task is stored and queued; Location reads it.")) { Body = typeof(TaskRequest), Headers = [ApiParameter.Text(SubmitTaskHandler.IdempotencyHeader, "1 to 200 characters: the same caller sending the same key gets the same task back instead of a second one (a 409 if the request differs).")], Description = "Validates the task and starts its durable run; the task is durable once this answers. Strategies, steps, limits and approval are fields of the body." } };
    public static readonly ApiRoute ListTasks = new("ListTasks", "GET", "api/v1/tasks", Permissions.TasksRead, typeof(ListTasksHandler))
        { Contract = new("List tasks", ApiResult.Ok<TaskPage>("The queue, and a page of tasks the caller may read, newest first by the store's order.")) { Query = [new ApiParameter("status", "Only tasks in this status.", typeof(TaskRunStatus)), .. ApiParameter.Paging(200)] } };
    public static readonly ApiRoute GetTask = new("GetTask", "GET", "api/v1/tasks/{id}", Permissions.TasksRead, typeof(GetTaskHandler))
        { Contract = new("Read a task", ApiResult.Ok<TaskView>("The task: status, steps, attempts, result, cost and, once finished, its ratings.")) { Description = "Only a task the caller may read: its own, one shared with it, one an agent works on, or any with tasks:read:any; any other is a 404." } };
    public static readonly ApiRoute CancelTask = new("CancelTask", "POST", "api/v1/tasks/{id}/cancel", Permissions.TasksCancel, typeof(CancelTaskHandler))
        { Contract = new("Cancel a task", ApiResult.Accepted<TaskCanceling>("The task is being canceled.")) { Description = "Refused with 409 once the task has finished." } };
    public static readonly ApiRoute ApproveTask = new("ApproveTask", "POST", "api/v1/tasks/{id}/approve", Permissions.TasksApprove, typeof(ApproveTaskHandler), TakesBody: true)
        { Contract = new("Approve a task that waits for a person", ApiResult.Accepted<ApprovalRecorded>("The approval is recorded; the task goes on.")) { Body = typeof(ApprovalBody), BodyOptional = true } };
    public static readonly ApiRoute RejectTask = new("RejectTask", "POST", "api/v1/tasks/{id}/reject", Permissions.TasksApprove, typeof(RejectTaskHandler), TakesBody: true)
        { Contract = new("Reject a task that waits for a person", ApiResult.Accepted<ApprovalRecorded>("The rejection is recorded; the task ends.")) { Body = typeof(ApprovalBody), BodyOptional = true } };
    public static readonly ApiRoute SimilarTasks = new("SimilarTasks", "GET", "api/v1/tasks/{id}/similar", Permissions.TasksRead, typeof(SimilarTasksHandler))
        { Contract = new("Find earlier tasks like this one", ApiResult.Ok<SimilarTaskList>("Earlier tasks of the same capabilities, most similar first.")) { Query = [ApiParameter.Number("k", $"How many to return, 1 to {PatternQueries.MaxK} (default {PatternQueries.DefaultK}).")] } };
    public static readonly ApiRoute SearchTasks = new("SearchTasks", "GET", "api/v1/patterns/tasks", Permissions.TasksRead, typeof(SearchTasksHandler))
        { Contract = new("Find earlier tasks like a piece of text", ApiResult.Ok<TaskSearchResults>("Earlier tasks most like the text, best first.")) { Query = [ApiParameter.Text("q", $"The text to look for, 1 to {SearchTasksHandler.MaxQueryLength} characters.", required: true), ApiParameter.Text("capabilities", "Comma-separated capabilities whose tasks to search (at most 16); none for the general shard."), ApiParameter.Number("k", $"How many to return, 1 to {PatternQueries.MaxK} (default {PatternQueries.DefaultK}).")] } };
    public static readonly ApiRoute TaskFeedback = new("TaskFeedback", "POST", "api/v1/tasks/{id}/feedback", Permissions.TasksFeedback, typeof(PostFeedbackHandler), TakesBody: true)
        { Contract = new("Rate a finished task", ApiResult.Accepted<FeedbackAccepted>("The rating is recorded; the agents that did the work learn from it.")) { Body = typeof(FeedbackBody), Description = "People rate tasks (agents may not); one rating per person per task." } };
    public static readonly ApiRoute PostTaskResult = new("PostTaskResult", "POST", "api/v1/tasks/{id}/result", Permissions.TasksResult, typeof(PostTaskResultHandler), TakesBody: true)
        { Contract = new("Post an external agent's result for a step it holds", ApiResult.Accepted<StepResultAccepted>("The result is accepted; the task goes on.")) { Body = typeof(TaskResultBody), Description = "Only an agent, with its API key or a session from it (the spec's task_result)." } };
    public static readonly ApiRoute CreateAgent = new("CreateAgent", "POST", "api/v1/agents", Permissions.AgentsWrite, typeof(CreateAgentHandler), TakesBody: true)
        { Contract = new("Create an agent", ApiResult.Created<CreatedAgent>("The agent, and its first API key (shown once).")) { Body = typeof(CreateAgentRequest) } };
    public static readonly ApiRoute ScalePool = new("ScalePool", "POST", "api/v1/agents/scale", Permissions.AgentsScale, typeof(ScalePoolHandler), TakesBody: true)
        { Contract = new("Scale a pool of agents", ApiResult.Ok<PoolScaleResult>("The pool was scaled within the request."), ApiResult.Accepted<PoolScalingStarted>("The scaling goes on after the request.")) { Body = typeof(ScalePoolRequest) } };
    public static readonly ApiRoute ListAgents = new("ListAgents", "GET", "api/v1/agents", Permissions.AgentsRead, typeof(ListAgentsHandler))
        { Contract = new("List agents", ApiResult.Ok<AgentPage>("A page of agents with their presence.")) { Query = [new ApiParameter("type", "Only agents of this type.", typeof(AgentType)), new ApiParameter("status", "Only agents in this lifecycle state.", typeof(AgentLifecycle)), ApiParameter.Text("expertise", "Only agents with this skill (1 to 64 lowercase letters, digits or '-')."), .. ApiParameter.Paging(200)] } };
    public static readonly ApiRoute RetireAgent = new("RetireAgent", "DELETE", "api/v1/agents/{id}", Permissions.AgentsWrite, typeof(RetireAgentHandler))
        { Contract = new("Retire an agent", ApiResult.Accepted<AgentRetiring>("The agent is retired, or draining while it finishes its work.")) { Description = "The default agent cannot be retired (409)." } };
    public static readonly ApiRoute GetAgent = new("GetAgent", "GET", "api/v1/agents/{id}", Permissions.AgentsRead, typeof(GetAgentHandler), OpenToTheAgentItNames: true)
        { Contract = new("Read an agent", ApiResult.Ok<AgentView>("The agent: profile, lifecycle, load, skills, learning and presence.")) };
    public static readonly ApiRoute ShareTask = new("ShareTask", "POST", "api/v1/tasks/{id}/share", Permissions.TasksRead, typeof(ShareTaskHandler), TakesBody: true)
        { Contract = new("Let more people read a task", ApiResult.Ok<ResourceShared>("The readers named may read the task (a moment later: shares are durable signals).")) { Body = typeof(ShareBody), Description = "Only the task's submitter, or a caller with tasks:read:any; readers are subjects or role:{name}. Audited." } };
    // An agent heartbeats for itself; anyone else needs agents:write. Successes are not audited (see ApiRoute.AuditedWhenAccepted).
    public static readonly ApiRoute AgentHeartbeat = new("AgentHeartbeat", "POST", "api/v1/agents/{id}/heartbeat", Permissions.AgentsWrite, typeof(AgentHeartbeatHandler), TakesBody: true, OpenToTheAgentItNames: true, AuditedWhenAccepted: false)
        { Contract = new("Record an agent's heartbeat", ApiResult.Accepted<HeartbeatReceived>("The heartbeat is recorded; the next is due by nextHeartbeatDueAt.")) { Body = typeof(HeartbeatBody), BodyOptional = true } };
    public static readonly ApiRoute ResetAgentLearning = new("ResetAgentLearning", "POST", "api/v1/agents/{id}/learning/reset", Permissions.AgentsWrite, typeof(ResetAgentLearningHandler), TakesBody: true)
        { Contract = new("Reset what an agent has learned", ApiResult.Accepted<LearningReset>("The agent's skill estimates are reset.")) { Body = typeof(ResetLearningBody), BodyOptional = true } };
    public static readonly ApiRoute IssueApiKey = new("IssueApiKey", "POST", "api/v1/agents/{id}/keys", Permissions.AgentsWrite, typeof(IssueApiKeyHandler))
        { Contract = new("Issue an API key for an agent", ApiResult.Created<IssuedApiKey>("The key, shown once: it is stored only as a hash.")) };
    public static readonly ApiRoute RevokeApiKey = new("RevokeApiKey", "DELETE", "api/v1/agents/{id}/keys/{keyId}", Permissions.AgentsWrite, typeof(RevokeApiKeyHandler))
        { Contract = new("Revoke an agent's API key", ApiResult.NoContent("The key is revoked; it authenticates nothing from now on.")) };
    public static readonly ApiRoute ExchangeToken = new("ExchangeToken", "POST", "api/v1/auth/token", Permissions.AuthToken, typeof(ExchangeTokenHandler))
        { Contract = new("Exchange an agent's API key for a session token", ApiResult.Ok<AgentSession>("A short-lived bearer token that acts as the agent.")) { Description = "Send the agent's key (Authorization: ApiKey or X-Api-Key); the answer is not cached." } };

    public static readonly ApiRoute ListProviders = new("ListProviders", "GET", "api/v1/providers", Permissions.SystemRead, typeof(ListProvidersHandler))
        { Contract = new("List the model providers", ApiResult.Ok<ListProvidersHandler.ProviderList>("Each provider with its models, their calls, failures, tokens, cost and circuit breaker.")) };

    public static readonly ApiRoute GetScaling = new("GetScaling", "GET", "api/v1/system/scaling", Permissions.SystemRead, typeof(GetScalingHandler))
        { Contract = new("Read autoscaling", ApiResult.Ok<ScalingView>("Autoscaling's settings, its latest decisions and any scaling in progress.")) };
    public static readonly ApiRoute SystemState = new("SystemState", "GET", "api/v1/system/state", Permissions.SystemRead, typeof(SystemStateHandler))
        { Contract = new("Read the swarm's state at a glance", ApiResult.Ok<SystemStateView>("Settings, agents, queue, scaling, the real-time channel, learning, presence, and this instance's latest health probe.")) };
    public static readonly ApiRoute SystemHealth = new("SystemHealth", "GET", "api/v1/system/health", Permissions.SystemRead, typeof(SystemHealthHandler))
        { Contract = new("Check the swarm's health now", ApiResult.Ok<SystemHealthView>("healthy or degraded, with each check; /ready is what load balancers act on.")) };
    public static readonly ApiRoute SystemMetrics = new("SystemMetrics", "GET", "api/v1/system/metrics", Permissions.SystemRead, typeof(SystemMetricsHandler))
        { Contract = new("Read the swarm's metrics", ApiResult.UntypedOk("Model calls, tokens and cost per route, the process, the queue, consensus, real-time traffic, learning, patterns, feedback and memory.")) };
    /// <summary>The spec's metrics path, in the Prometheus text format, for a scraper; a GET, so a scrape leaves no audit record (refusals do).</summary>
    public static readonly ApiRoute Metrics = new("Metrics", "GET", "metrics", Permissions.MetricsRead, typeof(PrometheusMetricsHandler))
        { Contract = new("Scrape the swarm's metrics", new ApiResult(200, null, "The Prometheus text format (0.0.4): model calls, tokens, cost and latency; API requests, errors and latency by route; agents, the queue and its wait, the real-time channel, consensus, memory and learning.") { TextMediaType = "text/plain; version=0.0.4" }) { Description = "Counters and histograms are this instance's since it started; agents, tasks, consensus, memory and learning are read from durable state and the same on every instance." } };

    public static readonly ApiRoute CreateProposal = new("CreateProposal", "POST", "api/v1/consensus/proposal", Permissions.ConsensusPropose, typeof(CreateProposalHandler), TakesBody: true)
        { Contract = new("Open a proposal for the agents to vote on", ApiResult.Accepted<ProposalAccepted>("The proposal is open; the agents are voting.")) { Body = typeof(ProposalRequest) } };
    public static readonly ApiRoute ListProposals = new("ListProposals", "GET", "api/v1/consensus/proposals", Permissions.ConsensusRead, typeof(ListProposalsHandler))
        { Contract = new("List proposals", ApiResult.Ok<ProposalPage>("A page of proposals.")) { Query = [ApiParameter.Text("status", "Only proposals in this state: voting, decided, undecided or failed."), .. ApiParameter.Paging(200)] } };
    public static readonly ApiRoute GetProposal = new("GetProposal", "GET", "api/v1/consensus/proposals/{id}", Permissions.ConsensusRead, typeof(GetProposalHandler))
        { Contract = new("Read a proposal", ApiResult.Ok<ProposalView>("The proposal with its rounds, ballots and outcome.")) };
    public static readonly ApiRoute PostVote = new("PostVote", "POST", "api/v1/consensus/proposals/{id}/votes", Permissions.ConsensusVote, typeof(PostVoteHandler), TakesBody: true)
        { Contract = new("Vote on a proposal", ApiResult.Accepted<VoteAccepted>("The ballot counts in the current round.")) { Body = typeof(VoteRequest), Description = "Only an agent votes, with its API key or a session from it, and only where it holds an open ballot." } };
    public static readonly ApiRoute ConsensusMetrics = new("ConsensusMetrics", "GET", "api/v1/consensus/metrics", Permissions.ConsensusRead, typeof(ConsensusMetricsHandler))
        { Contract = new("Read consensus metrics", ApiResult.UntypedOk("Per algorithm: proposals, rounds, decided and undecided, mean rounds, time to decision and participation.")) };
    public static readonly ApiRoute ShareProposal = new("ShareProposal", "POST", "api/v1/consensus/proposals/{id}/share", Permissions.ConsensusRead, typeof(ShareProposalHandler), TakesBody: true)
        { Contract = new("Let more people read a proposal", ApiResult.Ok<ResourceShared>("The readers named may read the proposal (a moment later: shares are durable signals).")) { Body = typeof(ShareBody), Description = "Only the proposer, or a caller with consensus:read:any; readers are subjects or role:{name}. Audited." } };

    public static readonly ApiRoute SendMessage = new("SendMessage", "POST", "api/v1/messages", Permissions.MessagesSend, typeof(SendMessageHandler), TakesBody: true)
        { Contract = new("Send a message to agents", ApiResult.Accepted<MessageSent>("The message is on the real-time channel.")) { Body = typeof(MessageRequest), Description = "To named agents (messages:send), or to a group, a capability or every agent (also messages:broadcast)." } };
    public static readonly ApiRoute NegotiateRealtime = new("NegotiateRealtime", "GET", "api/v1/realtime/negotiate", Permissions.TasksRead, typeof(NegotiateRealtimeHandler))
        { Contract = new("Get a connection to the real-time channel", ApiResult.Ok<ChannelNegotiation>("A WebSocket URL with a one-use ticket, for the caller.")) };

    /// <summary>Web PubSub's event handler: only the service calls it, authenticated by its signature or Entra token; each frame it carries is audited as its REST twin.</summary>
    public static readonly ApiRoute RealtimeEvents = new("RealtimeEvents", "POST", "api/v1/realtime/events", Permissions.ChannelService, typeof(RealtimeEventsHandler), TakesBody: true, AuditedByHandler: true)
        { Contract = new("Web PubSub's event handler", ApiResult.UntypedOk("The answer to a connect event, or a frame's reply."), ApiResult.NoContent("An event that needs no answer.")) { Body = typeof(System.Text.Json.Nodes.JsonObject), Description = "Called only by the real-time service (CloudEvents over HTTP, ce-* headers): connect, connected, disconnected and the clients' frames, each frame authorized and audited as its REST twin." } };

    /// <summary>The event handler's abuse-protection handshake: no credential, and it grants nothing but the answer for our own service's origin.</summary>
    public static readonly ApiRoute RealtimeHandshake = new("RealtimeHandshake", "OPTIONS", "api/v1/realtime/events", Permissions.Anonymous, typeof(RealtimeHandshakeHandler))
        { Contract = new("Web PubSub's abuse-protection handshake", new ApiResult(200, null, "The WebHook-Allowed-Origin header names this swarm's own Web PubSub endpoint.")) { Headers = [ApiParameter.Text("WebHook-Request-Origin", "The Web PubSub endpoint asking; only this swarm's own is allowed.", required: true)] } };

    public static readonly ApiRoute GetAudit = new("GetAudit", "GET", "api/v1/audit", Permissions.AuditRead, typeof(GetAuditHandler))
        { Contract = new("Read the audit trail", ApiResult.Ok<AuditPage>("A page of audit records, oldest first.")) { Query = [new ApiParameter("from", "ISO 8601, inclusive; by default 24 hours before 'to'.", typeof(DateTimeOffset)), new ApiParameter("to", "ISO 8601, exclusive; by default now. At most the audit's range after 'from'.", typeof(DateTimeOffset)), ApiParameter.Text("principal", "Only records of this caller."), ApiParameter.Text("action", "Only records of this action (a route name)."), .. ApiParameter.Paging(AuditQuery.MaxPageSize)], Description = "Any other parameter is refused, so a misspelt filter is reported instead of widening the query." } };

    public static readonly ApiRoute ListMemory = new("ListMemory", "GET", "api/v1/memory/{namespace}", Permissions.MemoryRead, typeof(ListMemoryHandler))
        { Contract = new("List a memory namespace's keys", ApiResult.Ok<MemoryKeys>("The keys in order, with who last wrote each and when.")) { Description = "An agent uses only the namespaces its scope allows (its own, by default)." } };
    public static readonly ApiRoute SearchMemory = new("SearchMemory", "GET", "api/v1/memory/{namespace}/search", Permissions.MemoryRead, typeof(SearchMemoryHandler))
        { Contract = new("Search a memory namespace", ApiResult.Ok<MemorySearchResults>("The entries most like the query, best first.")) { Query = [ApiParameter.Text("q", $"The words to look for, 1 to {SearchMemoryHandler.MaxQueryLength} characters.", required: true), ApiParameter.Number("k", $"How many to return, 1 to {SearchMemoryHandler.MaxLimit} (default {SearchMemoryHandler.DefaultLimit}).")] } };
    public static readonly ApiRoute GetMemory = new("GetMemory", "GET", "api/v1/memory/{namespace}/{key}", Permissions.MemoryRead, typeof(GetMemoryHandler))
        { Contract = new("Read a memory value", ApiResult.Ok<MemoryEntryView>("The value, with who last wrote it and when.")) };
    public static readonly ApiRoute PutMemory = new("PutMemory", "PUT", "api/v1/memory/{namespace}/{key}", Permissions.MemoryWrite, typeof(PutMemoryHandler), TakesBody: true)
        { Contract = new("Write a memory value", ApiResult.Accepted<MemoryStored>("The value is stored under the key.")) { Body = typeof(MemoryValueBody) } };
    public static readonly ApiRoute DeleteMemory = new("DeleteMemory", "DELETE", "api/v1/memory/{namespace}/{key}", Permissions.MemoryWrite, typeof(DeleteMemoryHandler))
        { Contract = new("Forget a memory value", ApiResult.Accepted<MemoryForgetting>("The key is being removed.")) };

    /// <summary>This API's OpenAPI document: any valid credential may read it (it holds no data, but only health and readiness answer without one).</summary>
    public static readonly ApiRoute GetOpenApi = new("GetOpenApi", "GET", "api/v1/openapi.json", Permissions.Authenticated, typeof(GetOpenApiHandler))
        { Contract = new("Read this API's OpenAPI 3.1 document", ApiResult.UntypedOk("The document, generated from the route table; docs/api/openapi.json holds the same.")) };

    public static IReadOnlyList<ApiRoute> All { get; } = [Health, Ready, SubmitTask, ListTasks, GetTask, CancelTask, ApproveTask, RejectTask, PostTaskResult, TaskFeedback, SimilarTasks, SearchTasks, CreateAgent, ScalePool, ListAgents, GetAgent, RetireAgent, AgentHeartbeat, ResetAgentLearning, IssueApiKey, RevokeApiKey, ExchangeToken, ListProviders, GetScaling, SystemState, SystemHealth, SystemMetrics, Metrics, CreateProposal, ListProposals, GetProposal, PostVote, ConsensusMetrics, SendMessage, NegotiateRealtime, RealtimeEvents, RealtimeHandshake, GetAudit, ListMemory, SearchMemory, GetMemory, PutMemory, DeleteMemory, GetOpenApi, ShareTask, ShareProposal];
}
