using Microsoft.DurableTask;
using Swarm.Domain.Consensus;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Consensus;

namespace Swarm.Workflows.Tasks.Strategies;

/// <summary>
/// N distinct agents answer; then the same agents vote, in a durable consensus round (simple majority, the queen
/// breaking ties), on their distinct answers, and the winning answer is the task's result. The round is a proposal of
/// its own (<c>proposal-</c> with the task's hex), readable at <c>GET /api/v1/consensus/proposals/{id}</c>. If they all
/// gave the same answer there is nothing to vote on; if the vote decides nothing the task fails as <c>NoConsensus</c>.
/// </summary>
public static class ConsensusStrategy
{
    public static async Task<StrategyRun> RunAsync(TaskOrchestrationContext context, StepRunner steps, TaskRunInput input, TaskTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tracker);
        var answers = await Task.WhenAll(Enumerable.Range(1, input.Agents).Select(i => steps.AnswerAsync($"answer-{i}", new AgentBriefing(input.Prompt), input.Capabilities)));
        var options = answers.Select(a => a.Answer.Text).Distinct(StringComparer.Ordinal).ToList();
        if (options.Count == 1)
        {
            tracker.Record("consensus", $"all {answers.Length} answers agreed; no vote needed");
            return new StrategyRun(answers, answers[0]);
        }

        var proposalId = ProposalIdFor(input.TaskId);
        tracker.Record("consensus", $"{options.Count} different answers from {answers.Length} agents; voting in {proposalId}");
        var proposal = new ProposalInput(
            proposalId,
            input.Prompt,
            options,
            new ConsensusRules(ConsensusAlgorithm.SimpleMajority, Ties: TiePolicy.QueenBreaks),
            new ParticipantSpec([.. answers.Select(a => a.AgentId)], null, null),
            input.Capabilities.Count > 0 ? input.Capabilities[0] : null,
            TimeSpan.FromMinutes(5),
            2,
            input.TaskId,
            input.Notify,
            input.NotifyGroups,
            Learn: true,
            DispatchShards: input.DispatchShards,
            // The answers were the task's own work, routed by its pattern when it was recognised: so is the vote on them.
            Pattern: steps.Recall.PatternFor(input.Capabilities, requiredType: null, onlyAgent: null));
        var result = await context.CallSubOrchestratorAsync<ProposalResult>(
            nameof(ConsensusRoundOrchestrator), proposal, new SubOrchestrationOptions { InstanceId = proposalId });
        tracker.Record("consensus", result.Decided ? $"decided: {result.Reason}" : $"undecided: {result.Reason}");
        if (!result.Decided)
        {
            throw new TaskStoppedException($"The agents reached no consensus on their answers: {result.Reason}") { Kind = "NoConsensus" };
        }

        var winner = answers.First(a => a.Answer.Text == result.Winner);
        return new StrategyRun(answers, winner);
    }

    /// <summary>The proposal a consensus task votes in: <c>proposal-</c> and the task id's hex digits.</summary>
    public static string ProposalIdFor(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return "proposal-" + taskId[(taskId.IndexOf('-', StringComparison.Ordinal) + 1)..];
    }
}
