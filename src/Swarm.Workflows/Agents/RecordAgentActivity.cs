using Microsoft.DurableTask;

namespace Swarm.Workflows.Agents;

/// <summary>Writes an agent's snapshot to the listing. Idempotent: a retried write stores the same row.</summary>
public sealed class RecordAgentActivity(IAgentDirectory directory) : TaskActivity<AgentSnapshot, bool>
{
    /// <summary>A listing write that fails would otherwise fail the whole provisioning or retirement half-way.</summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(30)));

    public override async Task<bool> RunAsync(TaskActivityContext context, AgentSnapshot input)
    {
        await directory.RecordAsync(input, CancellationToken.None);
        return true;
    }
}
