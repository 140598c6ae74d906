namespace Swarm.Api.Endpoints.Messages;

/// <summary>The body of <c>POST /api/v1/messages</c>: the agents it is for, its text, and an optional topic for the receivers to route by.</summary>
public sealed record MessageRequest(IReadOnlyList<string>? To, string? Text, string? Topic = null);
