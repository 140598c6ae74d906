using Microsoft.DurableTask.Client;
using Swarm.Application.Agents;
using Swarm.Application.Configuration;
using Swarm.Domain.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// <c>DELETE /api/v1/agents/{id}</c>: starts draining the agent. It takes no new tasks at once; the ones it holds run
/// to completion, then it retires and leaves the roster. <c>202</c>; follow it on <c>GET /api/v1/agents/{id}</c>.
/// </summary>
public sealed class RetireAgentHandler(SwarmSettings settings) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var id = request.RouteValues.GetValueOrDefault("id");
        if (await AgentLookup.FindAsync(durable, id, cancellationToken) is not { } ledger)
        {
            return ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{id}'."));
        }

        if (string.Equals(id, settings.DefaultAgent.Id, StringComparison.Ordinal))
        {
            // The default queen plans hierarchical tasks and merges parallel ones; without a queen those would fail.
            return ApiResponse.Problem(Problems.Conflict($"'{id}' is the default agent (defaultAgent:id) and cannot be retired."));
        }

        // Also for a draining agent: if an earlier retirement stopped half-way, asking again finishes it.
        if (ledger.Lifecycle != AgentLifecycle.Retired)
        {
            await AgentRetirements.StartAsync(durable, ledger, settings.Realtime.Active, settings.Dispatch.Shards, cancellationToken);
        }

        var location = SwarmRoutes.GetAgent.PathFor(("id", id!));
        return ApiResponse.Accepted(new AgentRetiring(id!, ledger.Lifecycle == AgentLifecycle.Retired ? "retired" : "draining", location), location);
    }
}
