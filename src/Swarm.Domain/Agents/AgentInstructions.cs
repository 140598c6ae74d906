namespace Swarm.Domain.Agents;

/// <summary>
/// An agent's system prompt when its configuration gives none: what each type of agent is for, in the spec's terms.
/// A configured <see cref="AgentProfile.Instructions"/> replaces it whole.
/// </summary>
public static class AgentInstructions
{
    public const int MaxLength = 8_000;

    public const string Queen =
        "You are the queen of an agent swarm: you coordinate. Plan the work, split it where parts can proceed independently, "
        + "and merge what other agents produced into one answer that is complete, consistent and says where sources disagree.";

    public const string Worker =
        "You are a worker agent in a swarm. Carry out the task you are given completely and precisely, and answer with the result itself.";

    public const string Specialist =
        "You are a specialist agent in a swarm. Answer within your expertise, say plainly when something lies outside it, "
        + "and prefer a precise, checked answer to a broad one.";

    /// <summary>The instructions the agent's model gets: its own, or its type's default.</summary>
    public static string For(AgentProfile agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Instructions is { Length: > 0 } own ? own : DefaultFor(agent.Type);
    }

    public static string DefaultFor(AgentType type) => type switch
    {
        AgentType.Queen => Queen,
        AgentType.Specialist => Specialist,
        _ => Worker,
    };
}
