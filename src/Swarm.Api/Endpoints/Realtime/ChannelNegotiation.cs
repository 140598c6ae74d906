namespace Swarm.Api.Endpoints.Realtime;

/// <summary>How to connect to the real-time channel: the WebSocket URL (with a one-use ticket), the user id it connects as, the hub, and when the URL expires.</summary>
public sealed record ChannelNegotiation(string Url, string UserId, string Hub, DateTimeOffset ExpiresAt);
