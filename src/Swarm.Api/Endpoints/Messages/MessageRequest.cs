namespace Swarm.Api.Endpoints.Messages;

/// <summary>
/// The body of <c>POST /api/v1/messages</c> (and of the <c>message</c> frame): its text, an optional topic for the
/// receivers to route by, and exactly one audience: <see cref="To"/> agents by id, a <see cref="Group"/> of the
/// channel's, the agents of a <see cref="Capability"/>, or <see cref="Everyone"/> (every agent).
/// </summary>
/// <param name="To">Agent ids; each must exist and the answer says which were connected.</param>
/// <param name="Group">A group's name (<c>task.{id}</c>, <c>proposal.{id}</c>, ...): needs <c>messages:broadcast</c> and the group's read permission.</param>
/// <param name="Capability">The agents offering it (their <c>capability.{name}</c> group): needs <c>messages:broadcast</c>.</param>
/// <param name="Everyone">Every connected agent (the <c>agents</c> group): needs <c>messages:broadcast</c>.</param>
public sealed record MessageRequest(IReadOnlyList<string>? To, string? Text, string? Topic = null, string? Group = null, string? Capability = null, bool? Everyone = null);
