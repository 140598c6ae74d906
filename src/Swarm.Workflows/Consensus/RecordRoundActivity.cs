using Microsoft.DurableTask;

namespace Swarm.Workflows.Consensus;

/// <summary>Puts a counted round (every ballot, the decision and why) in the audit trail; retried durably, so a write that fails is not lost.</summary>
public sealed class RecordRoundActivity(IConsensusRecorder recorder) : TaskActivity<RoundAudit, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RoundAudit input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await recorder.RecordAsync(input.ProposalId, input.Round, CancellationToken.None);
        return true;
    }
}

/// <summary>Input of <see cref="RecordRoundActivity"/>.</summary>
public sealed record RoundAudit(string ProposalId, RoundRecord Round);
