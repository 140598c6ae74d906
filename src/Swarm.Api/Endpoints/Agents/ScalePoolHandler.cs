using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Providers;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// <c>POST /api/v1/agents/scale</c>: resizes a pool through <see cref="ScalePoolOrchestrator"/>, one scaling per pool at a
/// time (a request while another holds the pool's lock is a 409). New members copy a member's profile where the request
/// leaves fields out; growing a pool that has no member without naming a provider is a 400. Answers 200 with what was done, or 202 if it is still going after
/// a short wait (retiring busy agents waits for their tasks).
/// </summary>
public sealed class ScalePoolHandler(SwarmSettings settings, ProviderCatalog providers) : IApiHandler
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var body = await ApiJson.ReadBodyAsync<ScalePoolRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        var pool = new AgentPool(body.Type ?? AgentType.Worker, body.Expertise ?? []);
        var template = body.Template();
        var errors = Validate(body, pool, template);
        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var instanceId = $"scale-pool-{pool.Key}-{Guid.NewGuid():N}";
        await new AgentClient(durable).ScaleAsync(
            new PoolScaling(pool, body.Target, body.Delta, template, settings.System.MaxAgents, Keep: settings.DefaultAgent.Id, RequestedBy: request.Principal!.Subject, Notify: settings.Realtime.Active, DispatchShards: settings.Dispatch.Shards), instanceId, CancellationToken.None);
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            var done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, patience.Token);
            var result = done.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? done.ReadOutputAs<PoolScaleResult>() : null;
            return result switch
            {
                null => ApiResponse.Problem(Problems.Unavailable($"Scaling pool '{pool.Key}' failed; correlation id {request.CorrelationId}.")),
                { Limit: ScalePoolOrchestrator.Busy } => ApiResponse.Problem(Problems.Conflict($"Pool '{pool.Key}' is being scaled already; retry when that finishes.")),
                { Limit: ScalePoolOrchestrator.NoProvider } => ApiResponse.Problem(Problems.Validation([new("provider", $"is required: pool '{pool.Key}' has no member whose profile new agents could copy.")])),
                _ => ApiResponse.Ok(result),
            };
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            return new ApiResponse(202, new PoolScalingStarted(pool.Key, "scaling"));
        }
    }

    List<FieldError> Validate(ScalePoolRequest body, AgentPool pool, PoolTemplate template)
    {
        var errors = new List<FieldError>();
        if (body.Type is null)
        {
            errors.Add(new("type", "is required: queen, worker or specialist."));
        }

        if ((body.Target is null) == (body.Delta is null))
        {
            errors.Add(new("target", "give exactly one of 'target' and 'delta'."));
        }

        if (body.Target is < 0 || body.Target > settings.System.MaxAgents)
        {
            errors.Add(new("target", $"must be between 0 and system.maxAgents ({settings.System.MaxAgents})."));
        }

        if (body.Delta is < -100 or > 100)
        {
            errors.Add(new("delta", "must be between -100 and 100."));
        }

        // The fields the request names are checked as a profile would be; a stand-in provider fills the profile when the
        // request names none (the member's is copied then, and was checked when that member was created).
        var standIn = new AgentProfile("placeholder", "placeholder", pool.Type, new(ProviderSettings.SimulatedType, "simulated-1"), PoolTemplate.DefaultMaxConcurrency, AgentRole.Default with { Expertise = pool.Expertise });
        var named = template.ProfileFor(pool, standIn)! with { Id = "placeholder" };
        errors.AddRange(AgentProfileRules.Validate(named).Where(e => e.Field != "id").Select(e => e.Field == "role.expertise" ? e with { Field = "expertise" } : e));
        if (errors.Count == 0 && template.Provider is { } provider && providers.ProblemOf(provider.Type) is { } problem)
        {
            errors.Add(new("provider.type", problem));
        }

        return errors;
    }
}
