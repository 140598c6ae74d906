using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Security;
using Swarm.Application.Configuration;
using Swarm.Application.Security.ApiKeys;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Providers;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// <c>POST /api/v1/agents</c>: validates the configuration, creates the agent through <see cref="ProvisionAgentOrchestrator"/>
/// (which holds <c>system.maxAgents</c> and unique ids under concurrent requests), then issues its first API key,
/// shown in this response only.
/// </summary>
public sealed class CreateAgentHandler(SwarmSettings settings, ApiKeyService apiKeys, ProviderCatalog providers) : IApiHandler
{
    /// <summary>Provisioning is two entity calls; past this the request answers 503 and the agent may still appear.</summary>
    static readonly TimeSpan ProvisioningPatience = TimeSpan.FromSeconds(30);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var body = await ApiJson.ReadBodyAsync<CreateAgentRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        var profile = body.ToProfile(GeneratedId(body.Type ?? AgentType.Worker));
        var errors = AgentProfileRules.Validate(profile);
        if (errors.Count == 0 && providers.ProblemOf(profile.Provider.Type) is { } problem)
        {
            // Refused now rather than at the agent's first task, where it would fail every task it is given.
            errors = [new FieldError("provider.type", problem)];
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var instanceId = $"provision-agent-{profile.Id}-{Guid.NewGuid():N}";
        await new AgentClient(durable).ProvisionAsync(new AgentProvisioning(profile, settings.System.MaxAgents, Notify: settings.Realtime.Active, DispatchShards: settings.Dispatch.Shards), instanceId, CancellationToken.None);

        using var patience = new CancellationTokenSource(ProvisioningPatience);
        OrchestrationMetadata outcome;
        try
        {
            outcome = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            return ApiResponse.Problem(Problems.Unavailable($"Agent '{profile.Id}' was not confirmed within {ProvisioningPatience.TotalSeconds:0} s; check GET /api/v1/agents/{profile.Id}."));
        }

        return outcome.ReadOutputAs<RosterJoin>() switch
        {
            RosterJoin.Joined when outcome.RuntimeStatus == OrchestrationRuntimeStatus.Completed => await CreatedAsync(profile, request, cancellationToken),
            RosterJoin.AlreadyMember => ApiResponse.Problem(Problems.Conflict($"An agent with id '{profile.Id}' already exists.")),
            RosterJoin.Full => ApiResponse.Problem(Problems.Conflict($"The swarm already has system.maxAgents ({settings.System.MaxAgents}) agents.")),
            _ => ApiResponse.Problem(Problems.Unavailable($"Agent '{profile.Id}' could not be provisioned.")),
        };
    }

    async Task<ApiResponse> CreatedAsync(AgentProfile profile, ApiRequest request, CancellationToken cancellationToken)
    {
        var (record, key) = await apiKeys.IssueAsync(profile.Id, request.Principal!.Subject, cancellationToken);
        var body = new CreatedAgent(AgentView.From(new AgentLedger { Profile = profile }, null, DateTimeOffset.UtcNow, PresenceView.From(new Presence(), DateTimeOffset.UtcNow, settings.Realtime.HeartbeatInterval)), new IssuedApiKey(record.KeyId, record.AgentId, key, record.CreatedAt));
        return new ApiResponse(201, body)
        {
            Headers = new Dictionary<string, string> { ["Location"] = SwarmRoutes.GetAgent.PathFor(("id", profile.Id)), ["Cache-Control"] = "no-store" },
            AuditDetail = $"created agent {profile.Id} ({profile.Type}, {profile.Provider.Type}) with key {record.KeyId}",
        };
    }

    static string GeneratedId(AgentType type) => $"{type.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..10]}";
}

/// <summary>A created agent and its first API key (shown once).</summary>
public sealed record CreatedAgent(AgentView Agent, IssuedApiKey ApiKey);
