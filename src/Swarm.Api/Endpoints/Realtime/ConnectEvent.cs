using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Agents;
using Swarm.Application.Audit;
using Swarm.Application.Realtime;
using Swarm.Domain.Agents;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// Web PubSub's <c>connect</c> event: where a connection's caller is decided, before its socket is accepted. The
/// caller proves who it is with the negotiated URL's ticket or the spec's <c>X-Agent-ID</c>/<c>X-Session-ID</c>
/// headers (<see cref="ChannelIdentities"/>); the answer names its user, puts an agent in <c>agents</c> and its
/// capabilities' groups, lets a caller who may read every group join groups directly, and seals the caller into the
/// connection's state for its later events. A refusal (401, 403) keeps the socket from opening; both are audited.
/// </summary>
public sealed partial class ConnectEvent(ChannelIdentities identities, RealtimeTraffic traffic, IAuditTrail audit, TimeProvider time, ILogger<ConnectEvent> logger)
{
    /// <summary>Web PubSub's role that lets a connection join and leave any group itself (the JSON subprotocol's joinGroup).</summary>
    public const string JoinAnyGroupRole = "webpubsub.joinLeaveGroup";

    public async Task<ApiResponse> HandleAsync(ApiRequest request, string connectionId, byte[] body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, headers) = Read(body);
        var outcome = await identities.AtConnectAsync(
            First(query, ChannelTickets.QueryParameter), First(headers, ChannelIdentities.SessionHeader), First(headers, ChannelIdentities.AgentIdHeader),
            request.Header(CloudEventHeaders.UserId), cancellationToken);
        if (outcome.Principal is not { } caller)
        {
            return await RefuseAsync(request, connectionId, Problems.Unauthenticated(outcome.Failure!));
        }

        var userId = RealtimeUsers.For(caller)!;
        List<string> groups = [];
        if (caller.AgentId is { } agentId)
        {
            if (await AgentLookup.FindAsync(durable, agentId, cancellationToken) is not { Lifecycle: not AgentLifecycle.Retired } agent)
            {
                return await RefuseAsync(request, connectionId, Problems.NotPermitted($"The agent '{agentId}' does not exist or is retired."), userId);
            }

            groups.Add(RealtimeGroups.Agents);
            groups.AddRange(agent.Profile.EffectiveRole.Expertise.Select(RealtimeGroups.Capability));
        }

        // Only a person: an agent's joins go through the join frame, which also checks the task is one it works on.
        string[] roles = caller.AgentId is null && GroupReadPermissions.ReadsEveryGroup(caller) ? [JoinAnyGroupRole] : [];

        // Fail-closed like every change: a connection the trail cannot record is not opened (the dispatcher answers 503).
        await audit.AppendAsync(Record(request, connectionId, userId, 200, $"connected as {userId}"), CancellationToken.None);
        return ApiResponse.Ok(new { userId, groups, roles }).WithHeader(CloudEventHeaders.ConnectionState, identities.Seal(connectionId, caller));
    }

    async Task<ApiResponse> RefuseAsync(ApiRequest request, string connectionId, ProblemDetails problem, string? userId = null)
    {
        traffic.ConnectionRefused();
        LogRefused(logger, connectionId, problem.Status, problem.Detail);
        await audit.TryAppendAsync(Record(request, connectionId, userId ?? request.Header(CloudEventHeaders.UserId), problem.Status, problem.Detail), CancellationToken.None);
        return ApiResponse.Problem(problem);
    }

    AuditRecord Record(ApiRequest request, string connectionId, string? userId, int status, string? detail) =>
        AuditRecord.Create(time.GetUtcNow(), userId, "RealtimeConnect", request.Path, AuditOutcomes.ForStatus(status), status, request.CorrelationId, ClientFrameRoutes.AddressOf(connectionId), detail);

    /// <summary>The connect event's query and headers, each name to its values (names compared without case).</summary>
    static (Dictionary<string, string[]> Query, Dictionary<string, string[]> Headers) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return (Values(document.RootElement, "query"), Values(document.RootElement, "headers"));
        }
        catch (JsonException)
        {
            return ([], []);
        }
    }

    static Dictionary<string, string[]> Values(JsonElement root, string name)
    {
        var values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Array => [.. property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
                    JsonValueKind.String => [property.Value.GetString()!],
                    _ => [],
                };
            }
        }

        return values;
    }

    static string? First(Dictionary<string, string[]> values, string name) => values.TryGetValue(name, out var found) ? found.FirstOrDefault() : null;

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "A real-time connection {ConnectionId} was refused ({Status}): {Reason}")]
    static partial void LogRefused(ILogger logger, string connectionId, int status, string? reason);
}
