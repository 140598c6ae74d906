using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Swarm.Api;

namespace Swarm.Functions.Http;

/// <summary>
/// The /api/v1 surface as HTTP functions: one per entry of <see cref="SwarmRoutes"/>, each only declaring its
/// trigger and handing the request to the shared <see cref="ApiDispatcher"/>, which enforces the route's
/// permission. Function keys are off (anonymous level) because callers authenticate with bearer tokens;
/// host.json sets an empty route prefix so the routes match the local host's exactly.
/// </summary>
public sealed class HttpFunctions(ApiDispatcher dispatcher)
{
    [Function(nameof(SwarmRoutes.Health))]
    public Task<HttpResponseData> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.Health, request, durable);

    [Function(nameof(SwarmRoutes.Ready))]
    public Task<HttpResponseData> Ready(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ready")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.Ready, request, durable);

    [Function(nameof(SwarmRoutes.SubmitTask))]
    public Task<HttpResponseData> SubmitTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SubmitTask, request, durable);

    [Function(nameof(SwarmRoutes.GetTask))]
    public Task<HttpResponseData> GetTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/tasks/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetTask, request, durable);

    [Function(nameof(SwarmRoutes.SimilarTasks))]
    public Task<HttpResponseData> SimilarTasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/tasks/{id}/similar")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SimilarTasks, request, durable);

    [Function(nameof(SwarmRoutes.SearchTasks))]
    public Task<HttpResponseData> SearchTasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/patterns/tasks")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SearchTasks, request, durable);

    [Function(nameof(SwarmRoutes.ListTasks))]
    public Task<HttpResponseData> ListTasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/tasks")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ListTasks, request, durable);

    [Function(nameof(SwarmRoutes.CancelTask))]
    public Task<HttpResponseData> CancelTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks/{id}/cancel")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.CancelTask, request, durable);

    [Function(nameof(SwarmRoutes.ApproveTask))]
    public Task<HttpResponseData> ApproveTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks/{id}/approve")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ApproveTask, request, durable);

    [Function(nameof(SwarmRoutes.RejectTask))]
    public Task<HttpResponseData> RejectTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks/{id}/reject")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.RejectTask, request, durable);

    [Function(nameof(SwarmRoutes.TaskFeedback))]
    public Task<HttpResponseData> TaskFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks/{id}/feedback")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.TaskFeedback, request, durable);

    [Function(nameof(SwarmRoutes.ShareTask))]
    public Task<HttpResponseData> ShareTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks/{id}/share")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ShareTask, request, durable);

    [Function(nameof(SwarmRoutes.ShareProposal))]
    public Task<HttpResponseData> ShareProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/consensus/proposals/{id}/share")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ShareProposal, request, durable);

    [Function(nameof(SwarmRoutes.PostTaskResult))]
    public Task<HttpResponseData> PostTaskResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tasks/{id}/result")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.PostTaskResult, request, durable);

    [Function(nameof(SwarmRoutes.CreateAgent))]
    public Task<HttpResponseData> CreateAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agents")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.CreateAgent, request, durable);

    [Function(nameof(SwarmRoutes.ScalePool))]
    public Task<HttpResponseData> ScalePool(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agents/scale")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ScalePool, request, durable);

    [Function(nameof(SwarmRoutes.ListAgents))]
    public Task<HttpResponseData> ListAgents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agents")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ListAgents, request, durable);

    [Function(nameof(SwarmRoutes.RetireAgent))]
    public Task<HttpResponseData> RetireAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/agents/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.RetireAgent, request, durable);

    [Function(nameof(SwarmRoutes.GetAgent))]
    public Task<HttpResponseData> GetAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agents/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetAgent, request, durable);

    [Function(nameof(SwarmRoutes.AgentHeartbeat))]
    public Task<HttpResponseData> AgentHeartbeat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agents/{id}/heartbeat")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.AgentHeartbeat, request, durable);

    [Function(nameof(SwarmRoutes.ResetAgentLearning))]
    public Task<HttpResponseData> ResetAgentLearning(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agents/{id}/learning/reset")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ResetAgentLearning, request, durable);

    [Function(nameof(SwarmRoutes.IssueApiKey))]
    public Task<HttpResponseData> IssueApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agents/{id}/keys")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.IssueApiKey, request, durable);

    [Function(nameof(SwarmRoutes.RevokeApiKey))]
    public Task<HttpResponseData> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/agents/{id}/keys/{keyId}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.RevokeApiKey, request, durable);

    [Function(nameof(SwarmRoutes.ExchangeToken))]
    public Task<HttpResponseData> ExchangeToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/token")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ExchangeToken, request, durable);

    [Function(nameof(SwarmRoutes.ListProviders))]
    public Task<HttpResponseData> ListProviders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/providers")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ListProviders, request, durable);

    [Function(nameof(SwarmRoutes.GetScaling))]
    public Task<HttpResponseData> GetScaling(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/system/scaling")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetScaling, request, durable);

    [Function(nameof(SwarmRoutes.CreateProposal))]
    public Task<HttpResponseData> CreateProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/consensus/proposal")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.CreateProposal, request, durable);

    [Function(nameof(SwarmRoutes.ListProposals))]
    public Task<HttpResponseData> ListProposals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/consensus/proposals")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ListProposals, request, durable);

    [Function(nameof(SwarmRoutes.GetProposal))]
    public Task<HttpResponseData> GetProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/consensus/proposals/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetProposal, request, durable);

    [Function(nameof(SwarmRoutes.PostVote))]
    public Task<HttpResponseData> PostVote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/consensus/proposals/{id}/votes")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.PostVote, request, durable);

    [Function(nameof(SwarmRoutes.ConsensusMetrics))]
    public Task<HttpResponseData> ConsensusMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/consensus/metrics")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ConsensusMetrics, request, durable);

    [Function(nameof(SwarmRoutes.SystemState))]
    public Task<HttpResponseData> SystemState(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/system/state")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SystemState, request, durable);

    [Function(nameof(SwarmRoutes.SystemHealth))]
    public Task<HttpResponseData> SystemHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/system/health")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SystemHealth, request, durable);

    [Function(nameof(SwarmRoutes.Metrics))]
    public Task<HttpResponseData> Metrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.Metrics, request, durable);

    [Function(nameof(SwarmRoutes.SystemMetrics))]
    public Task<HttpResponseData> SystemMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/system/metrics")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SystemMetrics, request, durable);

    [Function(nameof(SwarmRoutes.SendMessage))]
    public Task<HttpResponseData> SendMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/messages")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SendMessage, request, durable);

    [Function(nameof(SwarmRoutes.NegotiateRealtime))]
    public Task<HttpResponseData> NegotiateRealtime(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/realtime/negotiate")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.NegotiateRealtime, request, durable);

    [Function(nameof(SwarmRoutes.RealtimeEvents))]
    public Task<HttpResponseData> RealtimeEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/realtime/events")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.RealtimeEvents, request, durable);

    [Function(nameof(SwarmRoutes.RealtimeHandshake))]
    public Task<HttpResponseData> RealtimeHandshake(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "api/v1/realtime/events")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.RealtimeHandshake, request, durable);

    [Function(nameof(SwarmRoutes.GetAudit))]
    public Task<HttpResponseData> GetAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/audit")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetAudit, request, durable);

    [Function(nameof(SwarmRoutes.ListMemory))]
    public Task<HttpResponseData> ListMemory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/memory/{namespace}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.ListMemory, request, durable);

    [Function(nameof(SwarmRoutes.SearchMemory))]
    public Task<HttpResponseData> SearchMemory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/memory/{namespace}/search")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.SearchMemory, request, durable);

    [Function(nameof(SwarmRoutes.GetMemory))]
    public Task<HttpResponseData> GetMemory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/memory/{namespace}/{key}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetMemory, request, durable);

    [Function(nameof(SwarmRoutes.PutMemory))]
    public Task<HttpResponseData> PutMemory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/memory/{namespace}/{key}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.PutMemory, request, durable);

    [Function(nameof(SwarmRoutes.DeleteMemory))]
    public Task<HttpResponseData> DeleteMemory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/memory/{namespace}/{key}")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.DeleteMemory, request, durable);

    [Function(nameof(SwarmRoutes.GetOpenApi))]
    public Task<HttpResponseData> GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/openapi.json")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable) => ServeAsync(SwarmRoutes.GetOpenApi, request, durable);

    /// <summary>Every request no route takes gets the same problem document as from the local host (the catch-all route ranks last).</summary>
    [Function(UnmatchedRequests.FunctionName)]
    public static Task<HttpResponseData> Unmatched(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "{*path}")] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var correlationId = CorrelationIds.FromClient(request.Headers.TryGetValues(CorrelationIds.Header, out var values) ? values.FirstOrDefault() : null);
        var answer = UnmatchedRequests.Answer(request.Method.ToUpperInvariant(), request.Url.AbsolutePath, correlationId);
        return FunctionsHttpAdapter.ToHttpResponseAsync(request, answer, request.FunctionContext.CancellationToken);
    }

    async Task<HttpResponseData> ServeAsync(ApiRoute route, HttpRequestData request, DurableTaskClient durable)
    {
        var cancellation = request.FunctionContext.CancellationToken;
        var response = await dispatcher.DispatchAsync(route, FunctionsHttpAdapter.ToApiRequest(route, request), durable, cancellation);
        return await FunctionsHttpAdapter.ToHttpResponseAsync(request, response, cancellation);
    }
}
