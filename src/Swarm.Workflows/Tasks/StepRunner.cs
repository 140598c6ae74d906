using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using Swarm.Domain.Time;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// Runs one step of a task on an agent: a seat from the dispatcher (waiting in line, at no cost, when every fitting
/// agent is busy), the work, and the seat given back with the outcome, which is where the agent's statistics are
/// counted. The dispatcher is the one owner of seats, so that is all a step says to anyone. A failed or timed-out agent
/// is excluded and the step tries the next best one, up to the task's attempt limit; then the task fails with every reason.
/// </summary>
/// <param name="log">A replay-safe logger of the task's category.</param>
public sealed class StepRunner(TaskOrchestrationContext context, TaskRunInput input, TaskTracker tracker, ILogger log)
{
    /// <summary>What the task recalled of similar tasks; its evidence about agents goes with each seat request.</summary>
    public Patterns.Recall Recall { get; init; } = Patterns.Recall.Nothing;

    /// <summary>
    /// Answers a briefing on a fitting agent: its model through <see cref="AgentLoop"/> (one call, or turns with tools),
    /// each call an <see cref="InvokeAgentActivity"/> with the same durable retries as <see cref="AgentTurnOrchestrator"/>,
    /// or an external agent's posted result. The activity is called directly rather than through that sub-orchestration:
    /// a sub-orchestration is an instance of its own, with its own history and messages in storage, and on Azurite
    /// storage is what bounds throughput (see BENCHMARKS.md).
    /// </summary>
    /// <param name="distinctGroup">
    /// The agents already given to the other steps of a group whose steps must go to distinct agents (a parallel task);
    /// this step adds its own. A seat offered on an agent of the group is given back unused and another asked for.
    /// </param>
    /// <param name="onlyAgent">The one agent that may take the step (an agent's question to another); null for any that fits.</param>
    /// <param name="delegation">Whether the agent may ask other agents and start votes; off for an agent answering another's question.</param>
    /// <param name="seatWait">How long the step may wait in line for a seat; null for the task's slot wait limit.</param>
    public async Task<StepOutcome> AnswerAsync(
        string stage, AgentBriefing briefing, IReadOnlyList<string> capabilities, AgentType? requiredType = null, List<string>? distinctGroup = null, string? onlyAgent = null, bool delegation = true, TimeSpan? seatWait = null)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        if (delegation && Recall.Lessons.Count > 0)
        {
            // Every agent of the task hears what similar tasks taught; an agent answering another's question does not,
            // since the question is not the task.
            briefing = briefing with { Lessons = Recall.LessonTexts };
        }

        var (_, outcome) = await RunAsync(stage, capabilities, requiredType, distinctGroup, onlyAgent, seatWait ?? input.SlotWaitLimit, async (profile, seat) =>
        {
            var answer = profile.Provider.Type == ProviderSettings.ExternalType
                ? await ExternalAnswerAsync(profile, seat, briefing.Compose())
                : await new AgentLoop(context, input, tracker, log, this).RunAsync(
                    profile, stage, seat.SeatKey, briefing, capabilities.Count > 0 ? capabilities[0] : null, delegation);
            return (true, answer);
        });
        return outcome;
    }

    /// <summary>Asks a queen to split the task into subtasks (structured output).</summary>
    public async Task<(TaskPlan Plan, StepOutcome Outcome)> PlanAsync(string prompt, IReadOnlyList<string> capabilities)
    {
        return await RunAsync("plan", [], AgentType.Queen, null, null, input.SlotWaitLimit, async (profile, seat) =>
        {
            // The plan's activity does not carry the first seat's index change (see TaskIndexWrites): it goes now.
            tracker.Index?.SendSeatChange();
            var planned = await context.CallActivityAsync<PlannedWork>(
                nameof(PlanTaskActivity), new PlanRequest(input.TaskId, profile, prompt, capabilities, input.Deadline), AgentTurnOrchestrator.ModelCallRetry);
            return (planned.Plan, planned.Answer);
        });
    }

    async Task<(T Value, StepOutcome Outcome)> RunAsync<T>(
        string stage, IReadOnlyList<string> capabilities, AgentType? requiredType, List<string>? distinctGroup, string? onlyAgent, TimeSpan seatWait, Func<AgentProfile, SeatHold, Task<(T Value, AgentAnswer Answer)>> work)
    {
        var failures = new List<string>();
        var exclude = new List<string>();
        var pattern = Recall.PatternFor(capabilities, requiredType, onlyAgent);
        // One seat key per request: an agent that failed ends an attempt, a seat given back for the group asks again.
        for (var request = 1; failures.Count < input.MaxAttempts; request++)
        {
            var seatKey = $"{stage}.{request}";

            // Listed as waiting from before the request until the seat is held: a task stopped from outside in between
            // asks the dispatcher about this seat (and gets it back if it was granted), so no seat can leak.
            tracker.Waiting(seatKey, true);
            AgentProfile profile;
            string seatReason;
            int? shard;
            try
            {
                (profile, seatReason, shard) = await AcquireSeatAsync(stage, seatKey, capabilities, pattern, requiredType, exclude, failures, distinctGroup, onlyAgent, seatWait);
            }
            catch
            {
                tracker.Waiting(seatKey, false);
                throw;
            }

            var agentId = profile.Id;
            var seat = new SeatHold(agentId, seatKey, SeatRequest.HolderOf(input.TaskId, seatKey), stage, shard, pattern);
            tracker.Holding(seat);
            if (distinctGroup is not null)
            {
                if (distinctGroup.Contains(agentId, StringComparer.Ordinal))
                {
                    // Offered while this step waited in line, after a sibling step had already finished on this agent.
                    await ReleaseSeatAsync(seat, capabilities, outcome: null);
                    tracker.Waiting(seatKey, false);
                    continue;
                }

                distinctGroup.Add(agentId);
            }

            tracker.Waiting(seatKey, false);
            // The board's reason names the agent and how routing valued it (the draw, the mean, warm-up or exploration).
            tracker.Record("assigned", $"{stage}: {(seatReason.StartsWith(agentId + " ", StringComparison.Ordinal) ? seatReason : $"{agentId} ({seatReason})")}");
            log.SeatGranted(input.TaskId, stage, agentId);
            var started = context.CurrentUtcDateTime;
            try
            {
                var (value, answer) = await work(profile, seat);
                await ReleaseSeatAsync(seat, capabilities, new WorkOutcome(
                    true, answer.LatencyMs, new ModelUsage(answer.InputTokens, answer.OutputTokens, answer.CostUsd ?? 0), context.CurrentUtcDateTime));
                tracker.Record("answered", $"{stage}: {agentId} ({answer.Provider}:{answer.Model}, {answer.LatencyMs} ms)");
                tracker.Traced(new StepTrace(agentId, stage, capabilities, Succeeded: true), answer.CostUsd ?? 0);
                log.StepAnswered(input.TaskId, stage, agentId, answer.LatencyMs);
                return (value, new StepOutcome(stage, agentId, answer, failures, started, context.CurrentUtcDateTime, capabilities, pattern));
            }
            catch (Exception e) when (EndedByDeadline(e))
            {
                // The task's deadline ended the step, not only the agent: the seat goes back without counting a failure
                // (a late signal teaches the agent's skill at half weight), and no other agent is tried: the task is over.
                await ReleaseSeatAsync(seat, capabilities, outcome: null, late: true);
                throw e as TaskStoppedException ?? new TaskStoppedException(
                    $"The task passed its deadline while {agentId} worked on step '{stage}'; its model call was stopped.", e) { Kind = TaskStoppedException.TimedOut };
            }
            catch (Exception e) when (e is TaskFailedException or TaskStoppedException)
            {
                var elapsed = (long)(context.CurrentUtcDateTime - started).TotalMilliseconds;
                await ReleaseSeatAsync(seat, capabilities, new WorkOutcome(false, elapsed, new ModelUsage(0, 0, 0), context.CurrentUtcDateTime));
                var reason = TaskFailure.From(e);
                failures.Add($"{agentId}: {reason.Type}: {reason.Message}");
                exclude.Add(agentId);
                tracker.Record("attempt-failed", $"{stage}: {agentId}: {reason.Type}");
                tracker.Traced(new StepTrace(agentId, stage, capabilities, Succeeded: false), 0);
                log.StepAttemptFailed(input.TaskId, stage, agentId, reason.Type);
            }
        }

        throw new TaskStoppedException($"Step '{stage}' failed on {failures.Count} agent(s): {string.Join(" | ", failures)}") { Kind = "StepFailed" };
    }

    /// <returns>The agent that holds the seat, the board's reason for choosing it, and the shard that granted it (null: shard 0).</returns>
    async Task<(AgentProfile Agent, string Reason, int? Shard)> AcquireSeatAsync(
        string stage, string seatKey, IReadOnlyList<string> capabilities, string? pattern, AgentType? requiredType, List<string> exclude, List<string> failures, List<string>? distinctGroup, string? onlyAgent, TimeSpan seatWait)
    {
        var (wait, deadlineFirst) = WaitLimit("The task passed its deadline.", seatWait);
        var request = new SeatRequest(
            input.TaskId, seatKey, capabilities, input.Priority, [.. exclude.Union(distinctGroup ?? [], StringComparer.Ordinal)], requiredType, context.CurrentUtcDateTime, onlyAgent,
            // A pattern's record already holds its similar tasks' outcomes, so the board ranks a step with a pattern by that
            // record alone; the neighbours' evidence would only make the request bigger.
            pattern is null ? Recall.EvidenceFor(capabilities) : null, pattern);

        // One shard asks the one board exactly as before shards existed, so histories from then replay unchanged.
        var shards = DispatchShards.Of(input.DispatchShards);
        var sharded = shards.Count > 1 ? new ShardedSeatRequest(context, shards, request) : null;
        var (decision, shard) = sharded is null
            ? (await context.Entities.CallEntityAsync<SeatDecision>(DispatcherEntity.Id, nameof(DispatcherEntity.Request), request), 0)
            : await sharded.AskAsync();
        switch (decision.Outcome)
        {
            case SeatOutcome.Granted:
                return (decision.Agent!, decision.Reason, ShardOrNull(shard));
            case SeatOutcome.NoFit when distinctGroup is { Count: > 0 }:
                throw new AgentSlotUnavailableException(
                    $"Step '{stage}': its task asked for distinct agents, and no fitting agent is left besides [{string.Join(", ", distinctGroup)}]"
                    + (failures.Count > 0 ? $"; it failed on {string.Join(" | ", failures)}" : "") + $" ({decision.Reason})");
            case SeatOutcome.NoFit when failures.Count > 0:
                throw new TaskStoppedException($"Step '{stage}' failed on {failures.Count} agent(s) and no other fits ({decision.Reason}): {string.Join(" | ", failures)}") { Kind = "StepFailed" };
            case SeatOutcome.NoFit:
                throw new AgentSlotUnavailableException($"Step '{stage}': {decision.Reason}");
        }

        // Waiting in line may be long: the task is listed (queued) from now, not from its first seat.
        tracker.Index?.InLine();
        var where = sharded is { Lines.Count: > 1 } ? $" (in the lines of {sharded.Lines.Count} dispatch shards)" : "";
        tracker.Record("waiting", $"{stage}: position {decision.Position} in line{where}; {decision.Reason}");
        log.StepWaiting(input.TaskId, stage, decision.Position, decision.Reason);
        try
        {
            var grant = await context.WaitForExternalEvent<SeatGrant>(SeatOfferOrchestrator.EventName(seatKey), wait);
            if (sharded is not null)
            {
                await sharded.LeaveOthersAsync(grant.Shard ?? 0);
            }

            return (grant.Agent, grant.Reason, grant.Shard);
        }
        catch (TaskCanceledException)
        {
            // The wait ended; a seat may have been granted a moment ago, with its offer still on the way.
            if (sharded is null)
            {
                var late = await context.Entities.CallEntityAsync<SeatDecision?>(DispatcherEntity.Id, nameof(DispatcherEntity.Leave), new SeatKey(input.TaskId, seatKey));
                if (late is { Agent: { } agent })
                {
                    return (agent, late.Reason, null);
                }
            }
            else if (await sharded.LeaveAllAsync() is { Decision.Agent: { } agent } kept)
            {
                return (agent, kept.Decision.Reason, ShardOrNull(kept.Shard));
            }

            throw deadlineFirst
                ? new TaskStoppedException($"The task passed its deadline while step '{stage}' waited for an agent.") { Kind = TaskStoppedException.TimedOut }
                : new AgentSlotUnavailableException($"Step '{stage}': no fitting agent had a free seat within {ReadableDuration.Of(seatWait)}; the step was not run.");
        }
    }

    // Shard 0's seats are recorded as before shards (no shard), so a held seat reads the same in every history.
    static int? ShardOrNull(int shard) => shard == 0 ? null : shard;

    /// <summary>The failure type of a step whose external agent reported that it could not do it.</summary>
    public const string ExternalFailedKind = "ExternalFailed";

    async Task<AgentAnswer> ExternalAnswerAsync(AgentProfile profile, SeatHold seat, string prompt)
    {
        // No model call here to carry the first seat's index change (see TaskIndexWrites): it goes now.
        tracker.Index?.SendSeatChange();
        tracker.Record("awaiting-external", $"{seat.Stage}: {profile.Id} answers through POST /api/v1/tasks/{input.TaskId}/result");
        var asked = context.CurrentUtcDateTime;
        var (wait, deadlineFirst) = WaitLimit($"The task passed its deadline before external agent '{profile.Id}' could work on step '{seat.Stage}'.", input.SlotWaitLimit);
        var answerBy = asked + wait;
        if (input.Notify)
        {
            // The agent learns of the step at once instead of polling; a notice that does not arrive costs it only that.
            await RealtimeNotices.SendAsync(context, RealtimeEvents.Assigned(profile.Id, input.TaskId, seat.Stage, prompt, answerBy));
        }

        try
        {
            // Measured from when the agent was asked, so the time the notice took does not extend the limit or the deadline.
            var remaining = answerBy - context.CurrentUtcDateTime;
            var result = await context.WaitForExternalEvent<ExternalResult>(ExternalResult.EventName(seat.SeatKey), remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (result.Error is { } error)
            {
                // The agent's own account of why it could not do the step: a failure of this agent, like a model call
                // that failed, so the step tries the next fitting agent now rather than after the agent's time limit.
                throw new TaskStoppedException($"External agent '{profile.Id}' could not do step '{seat.Stage}': {error}") { Kind = ExternalFailedKind };
            }

            var latency = (long)(context.CurrentUtcDateTime - asked).TotalMilliseconds;
            return new AgentAnswer(result.Text, ProviderSettings.ExternalType, result.Model ?? profile.Provider.Model, false, result.InputTokens, result.OutputTokens, latency, result.CostUsd);
        }
        catch (TaskCanceledException)
        {
            // Only the agent's own limit is the agent's fault; the task's deadline coming first is not.
            throw deadlineFirst
                ? new TaskStoppedException($"The task passed its deadline while external agent '{profile.Id}' worked on step '{seat.Stage}'.") { Kind = TaskStoppedException.TimedOut }
                : new TaskStoppedException($"External agent '{profile.Id}' posted no result within {ReadableDuration.Of(input.SlotWaitLimit)}.") { Kind = "ExternalTimedOut" };
        }
    }

    /// <summary>
    /// Whether the task's deadline, not the agent, ended a step's work: a stop for the deadline, a model call stopped by
    /// it (however deep in the failure details), or any failure once the deadline has passed, so a failure whose type
    /// did not survive the trip still counts as the deadline's.
    /// </summary>
    bool EndedByDeadline(Exception e) => e switch
    {
        TaskStoppedException stopped => stopped.IsDeadline || PastDeadline(),
        TaskFailedException failed => CausedByDeadline(failed.FailureDetails) || PastDeadline(),
        _ => false,
    };

    static bool CausedByDeadline(TaskFailureDetails? failure) =>
        failure is not null && (failure.ErrorType == typeof(TaskDeadlinePassedException).FullName || CausedByDeadline(failure.InnerFailure));

    bool PastDeadline() => input.Deadline is { } deadline && context.CurrentUtcDateTime >= deadline;

    /// <summary>
    /// Gives the seat back with the step's outcome (null: freed without judging the agent; <paramref name="late"/>: the
    /// task's deadline ended it, a half-weight skill signal that counts in no statistics), and stops listing it as held.
    /// </summary>
    async Task ReleaseSeatAsync(SeatHold seat, IReadOnlyList<string> capabilities, WorkOutcome? outcome, bool late = false)
    {
        await context.Entities.SignalEntityAsync(DispatchShards.IdOf(seat.Shard), nameof(DispatcherEntity.Release), new SeatRelease(seat.AgentId, seat.Holder, capabilities, outcome, input.NotifyGroups, late, seat.Pattern));
        tracker.Released(seat);
    }

    /// <summary>
    /// How long to wait for what a step needs: until the task's deadline or the step's own limit, whichever comes first.
    /// </summary>
    /// <param name="passed">The failure if the deadline has already passed.</param>
    (TimeSpan Wait, bool DeadlineFirst) WaitLimit(string passed, TimeSpan limit)
    {
        var left = input.Deadline is { } deadline ? deadline - context.CurrentUtcDateTime : TimeSpan.MaxValue;
        if (left <= TimeSpan.Zero)
        {
            throw new TaskStoppedException(passed) { Kind = TaskStoppedException.TimedOut };
        }

        return left < limit ? (left, true) : (limit, false);
    }
}
