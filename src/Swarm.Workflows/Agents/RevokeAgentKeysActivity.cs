using Microsoft.DurableTask;

namespace Swarm.Workflows.Agents;

/// <summary>Revokes every API key of a retired agent, and with them every session minted from them. Idempotent.</summary>
public sealed class RevokeAgentKeysActivity(IAgentCredentials credentials) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input) => credentials.RevokeAllAsync(input, CancellationToken.None);
}
