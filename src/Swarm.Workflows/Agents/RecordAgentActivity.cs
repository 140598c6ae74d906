using Microsoft.DurableTask;

namespace Swarm.Workflows.Agents;

/// <summary>Writes an agent's snapshot to the listing. Idempotent: a retried write stores the same row.</summary>
public sealed class RecordAgentActivity(IAgentDirectory directory) : TaskActivity<AgentSnapshot, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, AgentSnapshot input)
    {
        await directory.RecordAsync(input, CancellationToken.None);
        return true;
    }
}
