using Microsoft.Extensions.Logging;

namespace Swarm.Workflows.Realtime;

public static class RealtimeChannelExtensions
{
    /// <summary>
    /// Sends a notice, or logs why it could not go and moves on: the durable state it describes, readable over REST, is
    /// the record, so nothing fails for a listener's channel. Returns whether the channel took it.
    /// </summary>
    public static Task<bool> TrySendAsync(this IRealtimeChannel channel, RealtimeDelivery notice, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(notice);
        return TryAsync(() => channel.SendAsync(notice, CancellationToken.None), $"event {notice.Type}", notice.To.ToString(), logger);
    }

    /// <summary>Sends a notice to its audience; throws like the channel's own calls.</summary>
    public static async Task SendAsync(this IRealtimeChannel channel, RealtimeDelivery notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(notice);
        using var span = WorkflowSpans.StartNotice(notice);
        var json = notice.ToJson();
        try
        {
            await (notice.To.Kind switch
            {
                RealtimeAudienceKind.User => channel.SendToUserAsync(notice.To.Name, json, cancellationToken),
                RealtimeAudienceKind.Group => channel.SendToGroupAsync(notice.To.Name, json, cancellationToken),
                _ => channel.SendToAllAsync(json, cancellationToken),
            });
        }
        catch (Exception e)
        {
            WorkflowSpans.Failed(span, e.GetType().Name);
            throw;
        }
    }

    /// <summary>Closes a user's connections, or logs why it could not; they then end when their clients next reconnect with a dead credential.</summary>
    public static Task<bool> TryCloseUserConnectionsAsync(this IRealtimeChannel channel, string userId, string reason, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return TryAsync(() => channel.CloseUserConnectionsAsync(userId, reason, CancellationToken.None), "closing connections", "user " + userId, logger);
    }

    static async Task<bool> TryAsync(Func<Task> call, string what, string audience, ILogger logger)
    {
        try
        {
            await call();
            return true;
        }
#pragma warning disable CA1031 // Whatever stops a notice (network, identity, configuration) must not reach the task or request it describes.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning("Real-time {What} for {Audience} failed: {Reason}", what, audience, e.Message);
            return false;
        }
    }
}
