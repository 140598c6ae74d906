namespace Swarm.Domain.Agents;

/// <summary>The three kinds of agent the spec names. Their use by the workflows is described in docs/ARCHITECTURE.md.</summary>
public enum AgentType
{
    /// <summary>Coordinates: plans and decomposes work, breaks ties.</summary>
    Queen,

    /// <summary>Executes tasks.</summary>
    Worker,

    /// <summary>Is matched to tasks by expertise.</summary>
    Specialist,
}
