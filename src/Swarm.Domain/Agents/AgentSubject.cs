namespace Swarm.Domain.Agents;

/// <summary>
/// How an agent is named as a principal: <c>agent:{id}</c>. Its credentials authenticate as this subject, the audit
/// trail records it, and the real-time channel addresses the agent's events to it, so all three use this one rule.
/// </summary>
public static class AgentSubject
{
    public const string Prefix = "agent:";

    public static string Of(string agentId) => Prefix + agentId;
}
