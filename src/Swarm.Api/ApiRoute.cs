using Swarm.Api.Contract;
using Swarm.Application.Security;

namespace Swarm.Api;

/// <summary>
/// One endpoint: its function name, method, route template, the permission it needs and its handler.
/// Both hosts serve exactly the routes in <see cref="SwarmRoutes"/>.
/// </summary>
/// <param name="Name">Function name in the Functions app; endpoint name in the local host.</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Template">Route template without a leading slash, e.g. <c>api/v1/tasks/{id}</c>.</param>
/// <param name="Permission">What the caller must hold; <see cref="Permissions.Anonymous"/> only for health and readiness,
/// <see cref="Permissions.Authenticated"/> for what any caller with a valid credential may read.</param>
/// <param name="Handler">The <see cref="IApiHandler"/> type that serves it.</param>
/// <param name="TakesBody">Whether it reads a JSON body; a body sent to a route that takes none is refused, not ignored.</param>
/// <param name="OpenToTheAgentItNames">Whether an agent may call it without <paramref name="Permission"/> when the route's
/// <c>{id}</c> is its own id (an agent reads its own record); any other id still needs the permission.</param>
/// <param name="AuditedByHandler">Whether the handler writes the audit records of what it does, instead of the dispatcher
/// writing one for the request: the real-time event handler, each of whose frames is audited as its REST twin.</param>
/// <param name="AuditedWhenAccepted">Whether <see cref="ApiDispatcher"/> records the route's successful calls (every
/// non-GET route's are, by default). False only for a liveness signal that every agent sends every few seconds and that
/// changes nothing but a timestamp (a heartbeat): recording each would bury the trail's real changes and cost a write a
/// call, and the state it keeps (the last heartbeat) is its own trace. Its refusals and failures are recorded as any route's.</param>
public sealed record ApiRoute(string Name, string Method, string Template, string Permission, Type Handler, bool TakesBody = false, bool OpenToTheAgentItNames = false, bool AuditedByHandler = false, bool AuditedWhenAccepted = true)
{
    /// <summary>What the route takes and answers, from which the OpenAPI document is generated; required, so no route goes undocumented.</summary>
    public required ApiContract Contract { get; init; }

    /// <summary>Whether <paramref name="principal"/> may call this route for <paramref name="request"/>'s resource.</summary>
    public bool Admits(SwarmPrincipal principal, ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(request);
        return Permission == Permissions.Authenticated
            || principal.Has(Permission)
            || (OpenToTheAgentItNames && principal.AgentId is { } agentId && string.Equals(request.RouteValues.GetValueOrDefault("id"), agentId, StringComparison.Ordinal));
    }

    /// <summary>
    /// This route's path for the given route values, e.g. <c>/api/v1/tasks/task-1</c> for <c>("id", "task-1")</c>: how a
    /// handler writes a <c>Location</c>, so every REST path comes from this table. Values are escaped; a template value
    /// left unfilled is an error in the caller.
    /// </summary>
    public string PathFor(params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = "/" + Template;
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path.Contains('{', StringComparison.Ordinal) ? throw new ArgumentException($"Route {Name} needs a value for every part of '{Template}'.", nameof(values)) : path;
    }
}
