using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary><c>GET /api/v1/agents/{id}</c>: the agent as its durable entity and the dispatch board hold it right now: profile and lifecycle, load, health, reputation and statistics, and its presence on the real-time channel.</summary>
public sealed class GetAgentHandler(SwarmSettings settings, TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var id = request.RouteValues.GetValueOrDefault("id");
        var stored = AgentProfileRules.IsAgentId(id) ? await new AgentClient(durable).GetAsync(id!, cancellationToken) : null;
        if (stored is not var (ledger, lastModified))
        {
            return ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{id}'."));
        }

        // What the agent does and has done is counted where work is handed out, on the dispatch board.
        var board = await new DispatcherClient(durable, settings.Dispatch.Shards).GetBoardAsync(cancellationToken);
        var presence = await new PresenceClient(durable).GetAsync(ledger.Profile.Id, cancellationToken);
        var presenceView = PresenceView.From(presence, time.GetUtcNow(), settings.Realtime.HeartbeatInterval);
        return ApiResponse.Ok(AgentView.From(ledger, board.Agents.GetValueOrDefault(ledger.Profile.Id), lastModified, presenceView));
    }
}
