namespace Swarm.Application.Realtime;

/// <summary>Where a client connects its WebSocket (the token is in the URL, as Web PubSub expects), and until when it may.</summary>
public sealed record ClientAccess(string Url, string UserId, string Hub, DateTimeOffset ExpiresAt);
