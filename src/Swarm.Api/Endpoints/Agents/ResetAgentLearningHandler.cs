using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// <c>POST /api/v1/agents/{id}/learning/reset</c>: returns what the dispatch board has learnt of the agent to the prior
/// (mean one half, no evidence), for one capability (<c>{"capability": "sql"}</c>) or, with no body or no capability,
/// for all of them. The board is told by a signal, so the answer is <c>202</c>; the agent view then shows the reset in
/// its <c>learning</c> (the estimate gone, a <c>reset</c> line in the trace, <c>resetAt</c>), and similar-task evidence
/// from before it is ignored. Audited as <c>reset sql by alice</c>. <c>404</c> for an unknown or retired agent. An agent
/// created a moment ago may not be on the board yet; it has learnt nothing there, so the reset then changes nothing.
/// </summary>
public sealed class ResetAgentLearningHandler(SwarmSettings settings, TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        // The body is optional (a bare POST resets everything), but one that is sent is read strictly, as everywhere.
        var body = request.DeclaresBody || request.Header("Content-Type") is not null
            ? await ApiJson.ReadBodyAsync<ResetLearningBody>(request, settings.Api.MaxRequestBytes, cancellationToken)
            : new ResetLearningBody(null);
        if (body.Capability is { } named && (string.IsNullOrWhiteSpace(named) || named.Length > 64))
        {
            return ApiResponse.Problem(Problems.Validation([new FieldError("capability", "must be 1 to 64 characters, or left out to reset every capability.")]));
        }

        var id = request.RouteValues.GetValueOrDefault("id");
        var stored = AgentProfileRules.IsAgentId(id) ? await new AgentClient(durable).GetAsync(id!, cancellationToken) : null;
        if (stored is not { Ledger.Lifecycle: not AgentLifecycle.Retired })
        {
            return ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{id}'{(stored is null ? "" : " (it is retired)")}."));
        }

        var at = time.GetUtcNow();
        await new DispatcherClient(durable, settings.Dispatch.Shards).ResetSkillAsync(id!, body.Capability, at, cancellationToken);
        var location = SwarmRoutes.GetAgent.PathFor(("id", id!));
        var what = body.Capability ?? "all capabilities";
        return ApiResponse.Accepted(new LearningReset(id!, body.Capability, at, $"reset:{id}:{at:O}"), location) with
        {
            AuditDetail = $"reset {what} by {request.Principal!.Subject}",
        };
    }
}
