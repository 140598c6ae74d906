using Microsoft.DurableTask.Client;
using Swarm.Application.Agents;
using Swarm.Application.Security.ApiKeys;
using Swarm.Domain.Agents;

namespace Swarm.Api.Endpoints.Security;

/// <summary><c>POST /api/v1/agents/{id}/keys</c>: issues an API key bound to an active agent. The key is in this response only.</summary>
public sealed class IssueApiKeyHandler(ApiKeyService apiKeys) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var agentId = request.RouteValues.GetValueOrDefault("id");
        if (!AgentProfileRules.IsAgentId(agentId))
        {
            return ApiResponse.Problem(Problems.Validation([new("id", "must be 1 to 64 letters, digits, '.', '_' or '-'.")]));
        }

        // Keys are for agents that exist and take work: none for an unknown id, none for one draining or retired.
        if (await AgentLookup.FindAsync(durable, agentId, cancellationToken) is not { } ledger)
        {
            return ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{agentId}'."));
        }

        // A retirement asked for a moment ago may not have reached the ledger yet; it counts as draining from the request on.
        var lifecycle = ledger.Lifecycle == AgentLifecycle.Active && await AgentRetirements.IsUnderwayAsync(durable, ledger, cancellationToken)
            ? AgentLifecycle.Draining
            : ledger.Lifecycle;
        if (lifecycle != AgentLifecycle.Active)
        {
            return ApiResponse.Problem(Problems.Conflict($"Agent '{agentId}' is {lifecycle.ToString().ToLowerInvariant()}; it gets no new keys."));
        }

        var (record, key) = await apiKeys.IssueAsync(agentId!, request.Principal!.Subject, cancellationToken);
        var location = SwarmRoutes.RevokeApiKey.PathFor(("id", agentId!), ("keyId", record.KeyId));
        var body = new IssuedApiKey(record.KeyId, record.AgentId, key, record.CreatedAt);
        return new ApiResponse(201, body)
        {
            Headers = new Dictionary<string, string> { ["Location"] = location, ["Cache-Control"] = "no-store" },
            AuditDetail = $"issued key {record.KeyId} for agent {record.AgentId}",
        };
    }
}

/// <summary>A newly issued key. <see cref="ApiKey"/> is shown this once; only its hash is kept.</summary>
public sealed record IssuedApiKey(string KeyId, string AgentId, string ApiKey, DateTimeOffset CreatedAt);
