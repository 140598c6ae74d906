using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// <c>POST /api/v1/agents/{id}/heartbeat</c>: the agent is alive, as of now (the server's clock, not the client's). Optional
/// body <c>{"status": "..."}</c>. Recorded in the agent's presence by a signal, so the answer is <c>202</c> with the time
/// recorded and when the next heartbeat is due; <c>404</c> for an unknown or retired agent. The REST twin of the
/// channel's <c>heartbeat</c> frame.
/// </summary>
public sealed class AgentHeartbeatHandler(SwarmSettings settings, TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        // The body is optional (a bare POST is a heartbeat), but one that is sent is read strictly, as everywhere.
        var body = request.DeclaresBody || request.Header("Content-Type") is not null
            ? await ApiJson.ReadBodyAsync<HeartbeatBody>(request, settings.Api.MaxRequestBytes, cancellationToken)
            : new HeartbeatBody(null);
        if (HeartbeatStatus.Problem(body.Status) is { } problem)
        {
            return ApiResponse.Problem(Problems.Validation([new FieldError("status", problem)]));
        }

        var id = request.RouteValues.GetValueOrDefault("id");
        var stored = AgentProfileRules.IsAgentId(id) ? await new AgentClient(durable).GetAsync(id!, cancellationToken) : null;
        if (stored is not { Ledger.Lifecycle: not AgentLifecycle.Retired })
        {
            return ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{id}'{(stored is null ? "" : " (it is retired)")}."));
        }

        var at = time.GetUtcNow();
        await AgentPresence.HeartbeatAsync(durable, id!, at, body.Status, cancellationToken);
        var location = SwarmRoutes.GetAgent.PathFor(("id", id!));
        return ApiResponse.Accepted(new HeartbeatReceived(id!, at, at + settings.Realtime.HeartbeatInterval, settings.Realtime.HeartbeatSeconds), location);
    }
}
