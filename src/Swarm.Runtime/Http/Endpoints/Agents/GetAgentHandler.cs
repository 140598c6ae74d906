using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Runtime.Http.Endpoints.Agents;

/// <summary><c>GET /api/v1/agents/{id}</c>: the agent as its durable entity holds it right now, with its load and statistics.</summary>
public sealed class GetAgentHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var id = request.RouteValues.GetValueOrDefault("id");
        var entity = AgentProfileRules.IsAgentId(id)
            ? await durable.Entities.GetEntityAsync<AgentLedger>(AgentEntity.IdFor(id!), includeState: true, cancellationToken)
            : null;
        return entity?.State is { } ledger
            ? ApiResponse.Ok(AgentView.From(ledger, entity.LastModifiedTime))
            : ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{id}'."));
    }
}
