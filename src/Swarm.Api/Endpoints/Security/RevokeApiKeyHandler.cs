using Microsoft.DurableTask.Client;
using Swarm.Application.Security.ApiKeys;

namespace Swarm.Api.Endpoints.Security;

/// <summary><c>DELETE /api/v1/agents/{id}/keys/{keyId}</c>: revokes the key; it and every session minted from it stop working at once.</summary>
public sealed class RevokeApiKeyHandler(ApiKeyService apiKeys) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agentId = request.RouteValues.GetValueOrDefault("id") ?? string.Empty;
        var keyId = request.RouteValues.GetValueOrDefault("keyId") ?? string.Empty;
        var revoked = Domain.Agents.AgentProfileRules.IsAgentId(agentId) && await apiKeys.RevokeAsync(agentId, keyId, cancellationToken);
        return revoked
            ? new ApiResponse(204, null) { AuditDetail = $"revoked key {keyId} of agent {agentId}" }
            : ApiResponse.Problem(Problems.NotFound($"Agent '{agentId}' has no API key '{keyId}'."));
    }
}
