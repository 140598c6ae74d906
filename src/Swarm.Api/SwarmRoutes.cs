using Swarm.Api.Endpoints;
using Swarm.Api.Endpoints.Agents;
using Swarm.Api.Endpoints.Audit;
using Swarm.Api.Endpoints.Consensus;
using Swarm.Api.Endpoints.Memory;
using Swarm.Api.Endpoints.Messages;
using Swarm.Api.Endpoints.Operations;
using Swarm.Api.Endpoints.Patterns;
using Swarm.Api.Endpoints.Providers;
using Swarm.Api.Endpoints.Realtime;
using Swarm.Api.Endpoints.Scaling;
using Swarm.Api.Endpoints.Security;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Application.Security;

namespace Swarm.Api;

/// <summary>
/// Every HTTP endpoint of the swarm, with the permission each needs declared beside it. The local host maps
/// this list; the Functions app declares one function per entry, and a test holds the two to it.
/// </summary>
public static class SwarmRoutes
{
    public static readonly ApiRoute Health = new("Health", "GET", "health", Permissions.Anonymous, typeof(HealthHandler));
    public static readonly ApiRoute Ready = new("Ready", "GET", "ready", Permissions.Anonymous, typeof(ReadyHandler));
    public static readonly ApiRoute SubmitTask = new("SubmitTask", "POST", "api/v1/tasks", Permissions.TasksSubmit, typeof(SubmitTaskHandler), TakesBody: true);
    public static readonly ApiRoute ListTasks = new("ListTasks", "GET", "api/v1/tasks", Permissions.TasksRead, typeof(ListTasksHandler));
    public static readonly ApiRoute GetTask = new("GetTask", "GET", "api/v1/tasks/{id}", Permissions.TasksRead, typeof(GetTaskHandler));
    public static readonly ApiRoute CancelTask = new("CancelTask", "POST", "api/v1/tasks/{id}/cancel", Permissions.TasksCancel, typeof(CancelTaskHandler));
    public static readonly ApiRoute ApproveTask = new("ApproveTask", "POST", "api/v1/tasks/{id}/approve", Permissions.TasksApprove, typeof(ApproveTaskHandler), TakesBody: true);
    public static readonly ApiRoute RejectTask = new("RejectTask", "POST", "api/v1/tasks/{id}/reject", Permissions.TasksApprove, typeof(RejectTaskHandler), TakesBody: true);
    public static readonly ApiRoute SimilarTasks = new("SimilarTasks", "GET", "api/v1/tasks/{id}/similar", Permissions.TasksRead, typeof(SimilarTasksHandler));
    public static readonly ApiRoute SearchTasks = new("SearchTasks", "GET", "api/v1/patterns/tasks", Permissions.TasksRead, typeof(SearchTasksHandler));
    public static readonly ApiRoute TaskFeedback = new("TaskFeedback", "POST", "api/v1/tasks/{id}/feedback", Permissions.TasksFeedback, typeof(PostFeedbackHandler), TakesBody: true);
    public static readonly ApiRoute ShareTask = new("ShareTask", "POST", "api/v1/tasks/{id}/share", Permissions.TasksRead, typeof(ShareTaskHandler), TakesBody: true);
    public static readonly ApiRoute PostTaskResult = new("PostTaskResult", "POST", "api/v1/tasks/{id}/result", Permissions.TasksResult, typeof(PostTaskResultHandler), TakesBody: true);
    public static readonly ApiRoute CreateAgent = new("CreateAgent", "POST", "api/v1/agents", Permissions.AgentsWrite, typeof(CreateAgentHandler), TakesBody: true);
    public static readonly ApiRoute ScalePool = new("ScalePool", "POST", "api/v1/agents/scale", Permissions.AgentsScale, typeof(ScalePoolHandler), TakesBody: true);
    public static readonly ApiRoute ListAgents = new("ListAgents", "GET", "api/v1/agents", Permissions.AgentsRead, typeof(ListAgentsHandler));
    public static readonly ApiRoute RetireAgent = new("RetireAgent", "DELETE", "api/v1/agents/{id}", Permissions.AgentsWrite, typeof(RetireAgentHandler));
    public static readonly ApiRoute GetAgent = new("GetAgent", "GET", "api/v1/agents/{id}", Permissions.AgentsRead, typeof(GetAgentHandler), OpenToTheAgentItNames: true);
    // An agent heartbeats for itself; anyone else needs agents:write. Successes are not audited (see ApiRoute.AuditedWhenAccepted).
    public static readonly ApiRoute AgentHeartbeat = new("AgentHeartbeat", "POST", "api/v1/agents/{id}/heartbeat", Permissions.AgentsWrite, typeof(AgentHeartbeatHandler), TakesBody: true, OpenToTheAgentItNames: true, AuditedWhenAccepted: false);
    public static readonly ApiRoute ResetAgentLearning = new("ResetAgentLearning", "POST", "api/v1/agents/{id}/learning/reset", Permissions.AgentsWrite, typeof(ResetAgentLearningHandler), TakesBody: true);
    public static readonly ApiRoute IssueApiKey = new("IssueApiKey", "POST", "api/v1/agents/{id}/keys", Permissions.AgentsWrite, typeof(IssueApiKeyHandler));
    public static readonly ApiRoute RevokeApiKey = new("RevokeApiKey", "DELETE", "api/v1/agents/{id}/keys/{keyId}", Permissions.AgentsWrite, typeof(RevokeApiKeyHandler));
    public static readonly ApiRoute ExchangeToken = new("ExchangeToken", "POST", "api/v1/auth/token", Permissions.AuthToken, typeof(ExchangeTokenHandler));

    public static readonly ApiRoute ListProviders = new("ListProviders", "GET", "api/v1/providers", Permissions.SystemRead, typeof(ListProvidersHandler));

    public static readonly ApiRoute GetScaling = new("GetScaling", "GET", "api/v1/system/scaling", Permissions.SystemRead, typeof(GetScalingHandler));
    public static readonly ApiRoute SystemState = new("SystemState", "GET", "api/v1/system/state", Permissions.SystemRead, typeof(SystemStateHandler));
    public static readonly ApiRoute SystemHealth = new("SystemHealth", "GET", "api/v1/system/health", Permissions.SystemRead, typeof(SystemHealthHandler));
    public static readonly ApiRoute SystemMetrics = new("SystemMetrics", "GET", "api/v1/system/metrics", Permissions.SystemRead, typeof(SystemMetricsHandler));

    public static readonly ApiRoute CreateProposal = new("CreateProposal", "POST", "api/v1/consensus/proposal", Permissions.ConsensusPropose, typeof(CreateProposalHandler), TakesBody: true);
    public static readonly ApiRoute ListProposals = new("ListProposals", "GET", "api/v1/consensus/proposals", Permissions.ConsensusRead, typeof(ListProposalsHandler));
    public static readonly ApiRoute GetProposal = new("GetProposal", "GET", "api/v1/consensus/proposals/{id}", Permissions.ConsensusRead, typeof(GetProposalHandler));
    public static readonly ApiRoute PostVote = new("PostVote", "POST", "api/v1/consensus/proposals/{id}/votes", Permissions.ConsensusVote, typeof(PostVoteHandler), TakesBody: true);
    public static readonly ApiRoute ShareProposal = new("ShareProposal", "POST", "api/v1/consensus/proposals/{id}/share", Permissions.ConsensusRead, typeof(ShareProposalHandler), TakesBody: true);
    public static readonly ApiRoute ConsensusMetrics = new("ConsensusMetrics", "GET", "api/v1/consensus/metrics", Permissions.ConsensusRead, typeof(ConsensusMetricsHandler));

    public static readonly ApiRoute SendMessage = new("SendMessage", "POST", "api/v1/messages", Permissions.MessagesSend, typeof(SendMessageHandler), TakesBody: true);
    public static readonly ApiRoute NegotiateRealtime = new("NegotiateRealtime", "GET", "api/v1/realtime/negotiate", Permissions.TasksRead, typeof(NegotiateRealtimeHandler));

    /// <summary>Web PubSub's event handler: only the service calls it, authenticated by its signature or Entra token; each frame it carries is audited as its REST twin.</summary>
    public static readonly ApiRoute RealtimeEvents = new("RealtimeEvents", "POST", "api/v1/realtime/events", Permissions.ChannelService, typeof(RealtimeEventsHandler), TakesBody: true, AuditedByHandler: true);

    /// <summary>The event handler's abuse-protection handshake: no credential, and it grants nothing but the answer for our own service's origin.</summary>
    public static readonly ApiRoute RealtimeHandshake = new("RealtimeHandshake", "OPTIONS", "api/v1/realtime/events", Permissions.Anonymous, typeof(RealtimeHandshakeHandler));

    public static readonly ApiRoute GetAudit = new("GetAudit", "GET", "api/v1/audit", Permissions.AuditRead, typeof(GetAuditHandler));

    public static readonly ApiRoute ListMemory = new("ListMemory", "GET", "api/v1/memory/{namespace}", Permissions.MemoryRead, typeof(ListMemoryHandler));
    public static readonly ApiRoute SearchMemory = new("SearchMemory", "GET", "api/v1/memory/{namespace}/search", Permissions.MemoryRead, typeof(SearchMemoryHandler));
    public static readonly ApiRoute GetMemory = new("GetMemory", "GET", "api/v1/memory/{namespace}/{key}", Permissions.MemoryRead, typeof(GetMemoryHandler));
    public static readonly ApiRoute PutMemory = new("PutMemory", "PUT", "api/v1/memory/{namespace}/{key}", Permissions.MemoryWrite, typeof(PutMemoryHandler), TakesBody: true);
    public static readonly ApiRoute DeleteMemory = new("DeleteMemory", "DELETE", "api/v1/memory/{namespace}/{key}", Permissions.MemoryWrite, typeof(DeleteMemoryHandler));

    public static IReadOnlyList<ApiRoute> All { get; } = [Health, Ready, SubmitTask, ListTasks, GetTask, CancelTask, ApproveTask, RejectTask, PostTaskResult, TaskFeedback, SimilarTasks, SearchTasks, CreateAgent, ScalePool, ListAgents, GetAgent, RetireAgent, AgentHeartbeat, ResetAgentLearning, IssueApiKey, RevokeApiKey, ExchangeToken, ListProviders, GetScaling, SystemState, SystemHealth, SystemMetrics, CreateProposal, ListProposals, GetProposal, PostVote, ConsensusMetrics, SendMessage, NegotiateRealtime, RealtimeEvents, RealtimeHandshake, GetAudit, ListMemory, SearchMemory, GetMemory, PutMemory, DeleteMemory, ShareTask, ShareProposal];
}
