using Microsoft.DurableTask;

namespace Swarm.Workflows.Tools;

/// <summary>Puts one round of an agent's tool calls in the audit trail; retried durably, so a write that fails is not lost.</summary>
public sealed class RecordToolCallsActivity(IToolCallRecorder recorder) : TaskActivity<ToolCallAudit, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ToolCallAudit input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await recorder.RecordAsync(input, CancellationToken.None);
        return true;
    }
}
