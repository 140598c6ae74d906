namespace Swarm.Domain.Agents;

/// <summary>
/// How far one agent's work on one step may go: model turns, and tool calls across them. The task's deadline bounds it
/// too. The last turn a limit allows is asked without tools, so the loop always ends with an answer rather than a
/// dangling request for one more tool.
/// </summary>
/// <param name="MaxTurns">Model calls in one step, the final answer included (1: no tool round at all).</param>
/// <param name="MaxToolCalls">Tool calls in one step, over all turns.</param>
public sealed record AgentLoopLimits(int MaxTurns, int MaxToolCalls)
{
    public const int TurnsCeiling = 50;
    public const int ToolCallsCeiling = 200;

    public static AgentLoopLimits Default { get; } = new(8, 20);

    /// <summary>An agent's limits: its configured ones, each falling back to <see cref="Default"/>.</summary>
    public static AgentLoopLimits For(AgentProfile agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new(agent.MaxTurns ?? Default.MaxTurns, agent.MaxToolCalls ?? Default.MaxToolCalls);
    }
}
