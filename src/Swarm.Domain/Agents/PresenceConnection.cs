namespace Swarm.Domain.Agents;

/// <summary>One connection of an agent's (<see cref="Presence"/>): its id on the channel and when it opened, or, once closed, when it closed.</summary>
public sealed record PresenceConnection(string Id, DateTimeOffset At);
