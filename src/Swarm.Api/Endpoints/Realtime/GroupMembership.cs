using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Consensus;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Agents;
using Swarm.Application.Realtime;
using Swarm.Domain.Agents;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// Whether a caller may be in a group: it must read what the group carries (<see cref="GroupReadPermissions"/>), and a
/// task's or proposal's group needs that task or proposal to exist for the caller: one it may read (see
/// <see cref="Visibility.ReadScope"/>), so the events of another person's task never reach it.
/// </summary>
public static class GroupMembership
{
    /// <summary>Null when the caller may be in <paramref name="group"/>; otherwise the problem to answer.</summary>
    public static async Task<ProblemDetails?> RefusalAsync(ApiRequest request, string group, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Principal!;
        if (RealtimeGroups.Parse(group) is not var (kind, id) || (kind == RealtimeGroupKind.Capability && !AgentProfileRules.IsSkill(id)))
        {
            return Problems.Validation([new("data.group", $"'{group}' is not one of the swarm's groups ({GroupReadPermissions.Known}).")]);
        }

        var ownCapabilities = caller.AgentId is { } agentId && await AgentLookup.FindAsync(durable, agentId, cancellationToken) is { } agent
            ? agent.Profile.EffectiveRole.Expertise
            : [];
        if (!GroupReadPermissions.Admits(caller, kind, id, ownCapabilities))
        {
            return Problems.NotPermitted($"Being in '{group}' needs the '{string.Join("' and '", GroupReadPermissions.For(kind))}' permission.");
        }

        var named = request with { RouteValues = new Dictionary<string, string> { ["id"] = id } };
        return kind switch
        {
            RealtimeGroupKind.Task when await TaskLookup.FindAsync(named, durable, cancellationToken) is null => Problems.NotFound($"There is no task with id '{id}'."),
            RealtimeGroupKind.Proposal when await GetProposalHandler.FindAsync(named, durable, cancellationToken) is null => Problems.NotFound($"There is no proposal with id '{id}'."),
            _ => null,
        };
    }
}
