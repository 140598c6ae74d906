namespace Swarm.Api.Endpoints.Messages;

/// <summary>A message handed to the real-time channel: to named agents (<paramref name="Delivered"/>, <paramref name="NotConnected"/>) or to a group.</summary>
public sealed record MessageSent(string MessageId, IReadOnlyList<string>? Delivered = null, IReadOnlyList<string>? NotConnected = null, string? Group = null);
