using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Swarm.Domain.Agents;
using Swarm.Domain.Memory;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;
using Swarm.Workflows.Tools;

namespace Swarm.Workflows.Agents;

/// <summary>
/// One agent's work on one step, inside the task's orchestration. An agent without tools answers in one model call.
/// An agent with tools first recalls what it remembers that bears on the step, then takes turns: each model call is
/// an activity; the tool calls a reply asks for run at once, each as a durable step of its kind (see
/// <see cref="AgentToolbox"/>); their results go back to the model on its next turn. The loop ends with an answer:
/// the model's, when it asks for no more tools, or the one it gives on the last turn a limit allows, which is asked
/// without tools and told why (<see cref="AgentLoopLimits"/>). Everything is in durable history, so after a crash the
/// loop resumes where it was: no recorded turn is asked again and no completed tool call runs again.
/// </summary>
public sealed class AgentLoop(TaskOrchestrationContext context, TaskRunInput input, TaskTracker tracker, ILogger log, StepRunner steps)
{
    /// <param name="seatKey">The step attempt's seat key, unique within the task (names the questions and votes it starts).</param>
    /// <param name="delegation">Whether the agent may ask other agents and start votes (not when it answers a question itself).</param>
    public async Task<AgentAnswer> RunAsync(AgentProfile agent, string stage, string seatKey, AgentBriefing briefing, string? capability, bool delegation)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(briefing);
        if (!agent.HasTools)
        {
            return (await TurnAsync(new AgentTurn(input.TaskId, agent, briefing.Compose(), capability, input.Deadline, Stream: StreamOf(stage, 1)))).Answer;
        }

        var scope = MemoryScope.For(agent, input.TaskId);
        var memory = new MemoryTools(context, input.SealMemory, input.EmbedMemory);
        IReadOnlyList<RecalledMemory> recalled;
        try
        {
            recalled = await AgentRecall.RecallAsync(context, memory, scope, briefing.Task);
        }
        catch (Exception e) when (e is TaskFailedException or Microsoft.DurableTask.Entities.EntityOperationFailedException)
        {
            // Recall helps; it is not the work. A memory that cannot be read leaves the agent to work without it.
            tracker.Record("recall-failed", $"{stage}: {agent.Id} works without recalled memory: {e.Message}");
            recalled = [];
        }

        if (recalled.Count > 0)
        {
            tracker.Record("recalled", $"{stage}: {agent.Id} recalled {string.Join(", ", recalled.Select(r => $"{r.Namespace}/{r.Key}"))}");
        }

        var prompt = AgentPrompt.UserText(briefing, recalled);
        var limits = AgentLoopLimits.For(agent);
        var toolbox = new AgentToolbox(context, input, tracker, steps, memory, log, agent, scope, stage, seatKey, delegation);
        var rounds = new List<ToolRound>();
        var answers = new List<AgentAnswer>();
        var toolCalls = 0;
        for (var turn = 1; ; turn++)
        {
            if (input.Deadline is { } deadline && context.CurrentUtcDateTime >= deadline)
            {
                throw new TaskStoppedException($"The task passed its deadline during {agent.Id}'s turn {turn} on step '{stage}'.") { Kind = TaskStoppedException.TimedOut };
            }

            var budget = limits.MaxToolCalls - toolCalls;
            var closing = turn >= limits.MaxTurns ? $"This is your last turn (maxTurns {limits.MaxTurns}): answer now with what you have; no more tools."
                : budget <= 0 ? $"Your tool calls for this step are spent (maxToolCalls {limits.MaxToolCalls}): answer now with what you have."
                : null;
            var offer = closing is null ? new ToolOffer(agent.Tools!, delegation) : null;
            var reply = await TurnAsync(new AgentTurn(input.TaskId, agent, prompt, capability, input.Deadline, [.. rounds], offer, rounds.Count > 0 ? closing : null, StreamOf(stage, turn)));
            answers.Add(reply.Answer);
            if (offer is null || reply.Calls.Count == 0)
            {
                var reason = reply.Calls.Count == 0 ? "final answer" : closing!;
                log.ToolLoopEnded(input.TaskId, stage, agent.Id, turn, toolCalls, reason);
                if (rounds.Count > 0)
                {
                    tracker.Record("loop-ended", $"{stage}: {agent.Id} after {turn} turns, {toolCalls} tool calls: {(offer is null ? closing : reason)}");
                }

                var total = Total(answers, toolCalls);
                return total.Text.Length > 0 || rounds.Count == 0 ? total : total with { Text = $"[no answer: {agent.Id} asked for more tools when it had to answer ({closing ?? reason})]" };
            }

            var granted = reply.Calls.Take(budget).ToList();
            var done = await Task.WhenAll(granted.Select((call, i) => toolbox.CallAsync(call, turn, i)));
            var refused = reply.Calls.Skip(granted.Count).Select(call => toolbox.OverBudget(call, limits.MaxToolCalls)).ToList();
            toolCalls += granted.Count;
            rounds.Add(new ToolRound(reply.Answer.Text, reply.Calls, [.. done.Select(d => d.Result), .. refused.Select(r => r.Result)]));
            ToolRounds.Compact(rounds);
            await AuditAsync(new ToolCallAudit(input.TaskId, agent.Id, stage, [.. done.Select(d => d.Record), .. refused.Select(r => r.Record)]));
        }
    }

    /// <summary>
    /// Puts a round in the audit trail. A trail that stays down through the activity's retries must not fail the step:
    /// its tools have run, and failing it would run them again on another agent. The gap is logged and shown instead.
    /// </summary>
    async Task AuditAsync(ToolCallAudit round)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(RecordToolCallsActivity), round, RecordAgentActivity.Retry);
        }
        catch (TaskFailedException e)
        {
            tracker.Record("audit-failed", $"{round.Stage}: {round.AgentId}'s tool calls were not audited: {TaskFailure.From(e).Message}");
            log.ToolAuditFailed(input.TaskId, round.Stage, round.AgentId, TaskFailure.From(e).Message);
        }
    }

    /// <summary>Where a turn streams, when the task streams: every turn does, tool-calling ones too (their text, if any).</summary>
    TurnStreaming? StreamOf(string stage, int turn) => input is { Stream: true, SubmittedBy: { } submitter } ? new TurnStreaming(submitter, stage, turn) : null;

    /// <summary>One model call; the task's first seat's index change, while nobody has taken it, goes with it (see <see cref="AgentTurn.SeatChange"/>).</summary>
    async Task<AgentReply> TurnAsync(AgentTurn turn)
    {
        if (tracker.Index is { } index && await index.TakeSeatChangeAsync() is { } seatChange)
        {
            turn = turn with { SeatChange = seatChange };
        }

        return await context.CallActivityAsync<AgentReply>(nameof(InvokeAgentActivity), turn, AgentTurnOrchestrator.ModelCallRetry);
    }

    /// <summary>The step's answer: the last turn's text, with tokens, cost and model time summed over every turn.</summary>
    static AgentAnswer Total(List<AgentAnswer> turns, int toolCalls)
    {
        var last = turns[^1];
        return last with
        {
            Simulated = turns.All(t => t.Simulated),
            InputTokens = turns.Sum(t => t.InputTokens),
            OutputTokens = turns.Sum(t => t.OutputTokens),
            LatencyMs = turns.Sum(t => t.LatencyMs),
            CostUsd = turns.Any(t => t.CostUsd is not null) ? turns.Sum(t => t.CostUsd ?? 0) : null,
            Turns = turns.Count,
            ToolCalls = toolCalls,
        };
    }
}
