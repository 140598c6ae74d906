using Microsoft.DurableTask.Client;
using Swarm.Application.Agents;
using Swarm.Application.Configuration;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// <c>GET /api/v1/agents?type=&amp;status=&amp;expertise=&amp;pageSize=&amp;continuationToken=</c>: the listing from the agent
/// read model, never from the agents' own entities, so it stays fast with many agents; each item's presence is read from
/// its presence entity (a small record; the page's reads run side by side). Live load is on <c>GET /api/v1/agents/{id}</c>.
/// </summary>
public sealed class ListAgentsHandler(IAgentListing directory, SwarmSettings settings, TimeProvider time) : IApiHandler
{
    static readonly string[] Known = ["type", "status", "expertise", "pageSize", "continuationToken"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        foreach (var unknown in request.Query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new(unknown, $"is not a parameter of this listing; parameters: {string.Join(", ", Known)}."));
        }

        var q = request.Query;
        AgentType? type = null;
        if (q.GetValueOrDefault("type") is { } typeText)
        {
            type = Enum.TryParse<AgentType>(typeText, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : Invalid<AgentType>(errors, "type", "must be queen, worker or specialist.");
        }

        AgentLifecycle? lifecycle = null;
        if (q.GetValueOrDefault("status") is { } statusText)
        {
            lifecycle = Enum.TryParse<AgentLifecycle>(statusText, ignoreCase: true, out var l) && Enum.IsDefined(l) ? l : Invalid<AgentLifecycle>(errors, "status", "must be active, draining or retired.");
        }

        var expertise = q.GetValueOrDefault("expertise");
        if (expertise is not null && !AgentProfileRules.IsSkill(expertise))
        {
            errors.Add(new("expertise", "must be 1 to 64 lowercase letters, digits or '-'."));
        }

        var pageSize = 50;
        if (q.GetValueOrDefault("pageSize") is { } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > 200))
        {
            errors.Add(new("pageSize", "must be a whole number from 1 to 200."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        try
        {
            var page = await directory.ListAsync(new AgentListQuery(type, lifecycle, expertise, pageSize, q.GetValueOrDefault("continuationToken")), cancellationToken);
            return ApiResponse.Ok(new AgentPage(await WithPresenceAsync(page.Items, durable, cancellationToken), page.ContinuationToken));
        }
        catch (ArgumentException e)
        {
            return ApiResponse.Problem(Problems.Validation([new("continuationToken", e.Message)]));
        }
    }

    async Task<AgentListItem[]> WithPresenceAsync(IReadOnlyList<AgentSnapshot> agents, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var presences = new PresenceClient(durable);
        var now = time.GetUtcNow();
        var items = new AgentListItem[agents.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, agents.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PresenceReads, CancellationToken = cancellationToken },
            async (i, ct) => items[i] = AgentListItem.From(agents[i], PresenceView.From(await presences.GetAsync(agents[i].Id, ct), now, settings.Realtime.HeartbeatInterval)));
        return items;
    }

    /// <summary>Presence reads in flight at once for one page: enough that a 200-agent page is quick, few enough to leave storage to others.</summary>
    const int PresenceReads = 16;

    static T? Invalid<T>(List<FieldError> errors, string field, string message)
        where T : struct
    {
        errors.Add(new(field, message));
        return null;
    }
}
