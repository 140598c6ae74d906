namespace Swarm.Application.Realtime;

/// <summary>Issues a client's connection to the real-time channel (<c>GET /api/v1/realtime/negotiate</c>).</summary>
public interface IClientAccessIssuer
{
    /// <summary>Where the user's WebSocket connects, with a short-lived token; throws when the channel does not issue one.</summary>
    Task<ClientAccess> GetClientAccessAsync(string userId, CancellationToken cancellationToken);
}
