using Microsoft.DurableTask.Client;
using Swarm.Application.Agents;
using Swarm.Application.Configuration;
using Swarm.Api.Endpoints.Realtime;
using Swarm.Application.Realtime;
using Swarm.Application.Security;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Endpoints.Messages;

/// <summary>
/// <c>POST /api/v1/messages</c> and the <c>message</c> frame: a message from the caller (an agent, or a person) to agents
/// by id, to a group, to a capability's agents or to every agent, delivered at once over the real-time channel as
/// <c>agent_message</c>. It is not stored: only connections open now receive it; to agents by id, the answer says
/// which were connected and which were not. <c>404</c> names an agent that does not exist or is retired, <c>409</c> when
/// none of them is connected, <c>503</c> when the channel is off or does not answer.
/// </summary>
public sealed class SendMessageHandler(SwarmSettings settings, IRealtimeChannel channel, TimeProvider time) : IApiHandler
{
    public const int MaxRecipients = 20;
    public const int MaxTextLength = 16_384;

    static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(10);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var message = await ApiJson.ReadBodyAsync<MessageRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        var to = (message.To ?? []).Distinct(StringComparer.Ordinal).ToList();
        var errors = new List<FieldError>();
        var audiences = (message.To is not null ? 1 : 0) + (message.Group is not null ? 1 : 0) + (message.Capability is not null ? 1 : 0) + (message.Everyone is true ? 1 : 0);
        var group = message switch
        {
            { Group: { } named } => named,
            { Capability: { } capability } => RealtimeGroups.Capability(capability.Trim().ToLowerInvariant()),
            { Everyone: true } => RealtimeGroups.Agents,
            _ => null,
        };
        if (audiences != 1)
        {
            errors.Add(new("to", "the message needs exactly one audience: 'to' (agent ids), 'group', 'capability' or 'everyone'."));
        }
        else if (group is null && to.Count is 0 or > MaxRecipients)
        {
            errors.Add(new("to", $"must name 1 to {MaxRecipients} agents."));
        }
        else if (message.Capability is { } capability && !AgentProfileRules.IsSkill(capability.Trim().ToLowerInvariant()))
        {
            errors.Add(new("capability", "must be a capability as agents name theirs (lower-case letters, digits and '-', up to 64)."));
        }

        errors.AddRange(to.Where(id => !AgentProfileRules.IsAgentId(id)).Select(id => new FieldError("to", $"'{id}' is not an agent id.")));
        if (string.IsNullOrEmpty(message.Text) || message.Text.Length > MaxTextLength)
        {
            errors.Add(new("text", $"must be 1 to {MaxTextLength} characters."));
        }

        if (message.Topic is { } topic && (topic.Length is 0 or > 64 || topic.Any(char.IsControl)))
        {
            errors.Add(new("topic", "must be 1 to 64 characters, without control characters."));
        }

        var from = RealtimeUsers.For(request.Principal!);
        if (from is null)
        {
            errors.Add(new("from", $"the caller cannot be named as a sender: {RealtimeUsers.NoIdentity}."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        if (!settings.Realtime.Active)
        {
            return ApiResponse.Problem(Problems.Unavailable("Messages travel on the real-time channel, which is off here (realtime:endpoint, realtime:enabled)."));
        }

        if (group is not null)
        {
            return await SendToGroupAsync(request, group, message, from!, durable, cancellationToken);
        }

        foreach (var id in to)
        {
            if (await AgentLookup.FindAsync(durable, id, cancellationToken) is not { Lifecycle: not AgentLifecycle.Retired })
            {
                return ApiResponse.Problem(Problems.NotFound($"There is no agent with id '{id}'."));
            }
        }

        var messageId = "msg-" + Guid.NewGuid().ToString("N");
        var delivered = new List<string>();
        var notConnected = new List<string>();

        // One limit for the whole delivery, so a channel that hangs costs the caller seconds, not a call limit per agent.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(DeliveryLimit);
        try
        {
            foreach (var id in to)
            {
                var user = RealtimeEvents.AgentUser(id);
                if (!await channel.HasConnectionsAsync(user, limit.Token))
                {
                    notConnected.Add(id);
                    continue;
                }

                var notice = RealtimeEvents.Message(id, messageId, from!, message.Topic, message.Text!, time.GetUtcNow());
                await channel.SendAsync(notice, limit.Token);
                delivered.Add(id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ApiResponse.Problem(Problems.Unavailable(
                $"The real-time channel did not take the message{(delivered.Count > 0 ? $" for every agent (delivered to {string.Join(", ", delivered)})" : "")}; try again shortly."));
        }

        if (delivered.Count == 0)
        {
            return ApiResponse.Problem(Problems.Conflict($"None of the agents is connected to the real-time channel now ({string.Join(", ", notConnected)}); the message was not kept."));
        }

        // The audit record names the message and its recipients, not its text.
        return new ApiResponse(202, new MessageSent(messageId, delivered, notConnected)) with { AuditDetail = $"message {messageId} to {string.Join(", ", delivered)}" };
    }

    /// <summary>
    /// A message to a group: the caller must be allowed to broadcast and to read the group. The channel does not say who
    /// was in it, so the answer names the group, not the receivers.
    /// </summary>
    async Task<ApiResponse> SendToGroupAsync(ApiRequest request, string group, MessageRequest message, string from, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = request.Principal!;
        if (!caller.Has(Permissions.MessagesBroadcast))
        {
            return ApiResponse.Problem(Problems.NotPermitted($"A message to a group, a capability or every agent needs the '{Permissions.MessagesBroadcast}' permission."));
        }

        // One rule however a group is named: messages to agents (every agent's group, a capability's) need only the
        // broadcast permission; a group that carries something to read (a task's, a proposal's, the operators') needs
        // its read permission too.
        var toAgents = RealtimeGroups.Parse(group) is (RealtimeGroupKind.Agents or RealtimeGroupKind.Capability, var capability)
            && (capability.Length == 0 || AgentProfileRules.IsSkill(capability));
        if (!toAgents && await GroupMembership.RefusalAsync(request, group, durable, cancellationToken) is { } refusal)
        {
            return ApiResponse.Problem(refusal);
        }

        var messageId = "msg-" + Guid.NewGuid().ToString("N");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(DeliveryLimit);
        try
        {
            await channel.SendAsync(RealtimeEvents.GroupMessage(group, messageId, from, message.Topic, message.Text!, time.GetUtcNow()), limit.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ApiResponse.Problem(Problems.Unavailable("The real-time channel did not take the message; try again shortly."));
        }

        return new ApiResponse(202, new MessageSent(messageId, Group: group)) with { AuditDetail = $"message {messageId} to group {group}" };
    }
}
