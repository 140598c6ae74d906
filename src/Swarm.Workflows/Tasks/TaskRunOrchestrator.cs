using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Domain.Time;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks.Strategies;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// One task from acceptance to result: a person's approval if the task asks for it, then its strategy (one agent,
/// several in parallel, a pipeline of stages, or a queen's plan), each step on an agent the dispatcher chooses.
/// Every step is recorded in durable history, so a crash anywhere resumes here instead of starting over.
/// </summary>
public sealed class TaskRunOrchestrator : TaskOrchestrator<TaskRunInput, TaskRunResult>
{
    public override async Task<TaskRunResult> RunAsync(TaskOrchestrationContext context, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var tracker = new TaskTracker(context);
        var log = context.CreateReplaySafeLogger(Logs.TaskCategory);
        tracker.Record("accepted", $"priority {input.Priority}" + (input.SubmittedBy is { } by ? $", from {by}" : ""));
        try
        {
            if (input.RequiresApproval)
            {
                await AwaitApprovalAsync(context, input, tracker);
            }

            await StateAsync(context, input, TaskRunStatus.Running);
            var choice = StrategyChoice.For(input.Strategy, input.Agents, input.Stages.Count, input.Capabilities.Count);
            tracker.Strategy = choice.Strategy.ToString().ToLowerInvariant();
            tracker.Record("strategy", $"{tracker.Strategy} ({choice.Reason})");
            log.TaskStarted(input.TaskId, tracker.Strategy, input.Priority);

            var steps = new StepRunner(context, input, tracker, log);
            var run = choice.Strategy switch
            {
                TaskStrategy.Parallel => await ParallelStrategy.RunAsync(steps, input, tracker),
                TaskStrategy.Pipeline => await PipelineStrategy.RunAsync(steps, input),
                TaskStrategy.Hierarchical => await HierarchicalStrategy.RunAsync(steps, input, tracker),
                TaskStrategy.Single => await SingleStrategy.RunAsync(steps, input),
                TaskStrategy.Consensus => await ConsensusStrategy.RunAsync(context, steps, input, tracker),
                _ => throw new TaskStoppedException($"Strategy '{tracker.Strategy}' is not available in this build.") { Kind = "StrategyUnavailable" },
            };

            tracker.Record("completed", $"result from {(run.Final?.AgentId ?? string.Join(", ", run.Steps.Select(s => s.AgentId)))}");
            tracker.Phase(TaskProgress.Completing);
            log.TaskCompleted(input.TaskId, run.Steps.Count, run.Final?.AgentId ?? run.Steps[0].AgentId);
            var totals = new ModelUsage(run.Steps.Sum(s => s.Answer.InputTokens), run.Steps.Sum(s => s.Answer.OutputTokens), run.Steps.Sum(s => s.Answer.CostUsd ?? 0));
            await EndAsync(context, input, status: TaskRunStatus.Completed, result: run.Answer().Text);
            return new TaskRunResult(
                input.TaskId,
                run.Final?.AgentId ?? run.Steps[0].AgentId,
                run.Answer(),
                run.Steps.Min(s => s.StartedAt),
                context.CurrentUtcDateTime,
                choice.Strategy,
                choice.Reason,
                run.Steps,
                totals,
                tracker.Timeline);
        }
        catch (Exception e) when (e is TaskFailedException or AgentSlotUnavailableException or TaskStoppedException)
        {
            // The reason goes into the custom status: unlike failure details, every backend keeps it whole.
            var failure = TaskFailure.From(e);
            tracker.Record("failed", $"{failure.Type}: {failure.Message}");
            tracker.Fail(failure);
            log.TaskFailed(input.TaskId, failure.Type, failure.Message);
            await EndAsync(context, input, status: TaskRunStatus.Failed, errorType: failure.Type, errorMessage: failure.Message);
            throw;
        }
    }

    /// <summary>
    /// Tells the task's group and the operators that the task ended, and the submitter when it asked (<c>notify</c>), in
    /// one activity. A task stored before groups existed tells only its submitter, with the activity it always used.
    /// </summary>
    static async Task EndAsync(TaskOrchestrationContext context, TaskRunInput input, TaskRunStatus status, string? result = null, string? errorType = null, string? errorMessage = null)
    {
        var finished = RealtimeEvents.FinishedFor(input, RealtimeEvents.StatusName(status), result, errorType, errorMessage);
        if (input.NotifyGroups)
        {
            await RealtimeNotices.SendAsync(context, [.. RealtimeEvents.TaskState(input.TaskId, status, context.CurrentUtcDateTime, errorType, errorMessage), .. finished is null ? [] : new[] { finished }]);
        }
        else if (finished is not null)
        {
            await RealtimeNotices.SendAsync(context, finished);
        }
    }

    /// <summary>
    /// Tells the task's group and the operators of a change of state, when the channel was on at submission. Only the
    /// changes a watcher acts on are sent (not each step's wait for a seat), so a task costs two or three such activities.
    /// </summary>
    static Task StateAsync(TaskOrchestrationContext context, TaskRunInput input, TaskRunStatus state) =>
        input.NotifyGroups ? RealtimeNotices.SendAsync(context, RealtimeEvents.TaskState(input.TaskId, state, context.CurrentUtcDateTime)) : Task.CompletedTask;

    /// <summary>Waits, at no cost, for a person's decision; a rejection or no decision in time ends the task.</summary>
    static async Task AwaitApprovalAsync(TaskOrchestrationContext context, TaskRunInput input, TaskTracker tracker)
    {
        tracker.Phase(TaskProgress.AwaitingApproval);
        tracker.Record("awaiting-approval", $"up to {ReadableDuration.Of(input.ApprovalWaitLimit)}");
        await StateAsync(context, input, TaskRunStatus.AwaitingApproval);
        ApprovalDecision decision;
        try
        {
            decision = await context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName, input.ApprovalWaitLimit);
        }
        catch (TaskCanceledException)
        {
            throw new TaskStoppedException($"Nobody approved or rejected the task within {ReadableDuration.Of(input.ApprovalWaitLimit)}.") { Kind = "ApprovalTimedOut" };
        }

        var comment = decision.Comment is { Length: > 0 } c ? $": {c}" : "";
        if (!decision.Approved)
        {
            tracker.Record("rejected", $"by {decision.By}{comment}");
            throw new TaskStoppedException($"Rejected by {decision.By}{comment}") { Kind = "Rejected" };
        }

        tracker.Record("approved", $"by {decision.By}{comment}");
        tracker.Phase(TaskProgress.WaitingForAgent);
    }
}
