namespace Swarm.Benchmarks.Api;

/// <summary>One <c>POST /api/v1/agents</c> as the client saw it (the host answers once the agent is provisioned).</summary>
sealed record AgentCreation(int Status, TimeSpan Latency, string? AgentId, string? Problem)
{
    public bool Created => Status == 201;
}
