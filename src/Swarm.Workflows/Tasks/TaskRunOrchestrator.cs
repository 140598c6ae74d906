using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using Swarm.Domain.Time;
using Swarm.Workflows.Patterns;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks.Index;
using Swarm.Workflows.Tasks.Strategies;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// One task from acceptance to result: a person's approval if the task asks for it, then its strategy (one agent,
/// several in parallel, a pipeline of stages, or a queen's plan), each step on an agent the dispatcher chooses.
/// Every step is recorded in durable history, so a crash anywhere resumes here instead of starting over.
/// With pattern recognition on, it first recalls similar past tasks (they may change what <c>auto</c> chooses, and
/// their lessons go to the agents) and at the end, completed or failed, leaves its own fingerprint.
/// </summary>
public sealed class TaskRunOrchestrator : TaskOrchestrator<TaskRunInput, TaskRunResult>
{
    public override async Task<TaskRunResult> RunAsync(TaskOrchestrationContext context, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var index = new TaskIndexWrites(context, input);
        var tracker = new TaskTracker(context) { Index = index };
        var log = context.CreateReplaySafeLogger(Logs.TaskCategory);
        var notices = new TaskStateNotices(context, input, index);
        tracker.Record("accepted", $"priority {input.Priority}" + (input.SubmittedBy is { } by ? $", from {by}" : ""));
        StrategyChoice? choice = null;
        var terms = TermCounts.Empty;
        var recall = Recall.Nothing;
        var running = context.CurrentUtcDateTime;
        try
        {
            if (input.RequiresApproval)
            {
                await AwaitApprovalAsync(context, input, tracker, notices, index);
            }

            notices.Changed(TaskRunStatus.Running);
            running = context.CurrentUtcDateTime;
            terms = input.Patterns is null ? TermCounts.Empty : PromptTerms.From(input.Prompt);
            recall = await PatternRecall.RecallAsync(context, input, terms, tracker);
            choice = StrategyChoice.For(input.Strategy, input.Agents, input.Stages.Count, input.Capabilities.Count, recall.Strategies);
            tracker.Strategy = choice.Strategy.ToString().ToLowerInvariant();
            tracker.Record("strategy", $"{tracker.Strategy} ({choice.Reason})");
            log.TaskStarted(input.TaskId, tracker.Strategy, input.Priority);

            var steps = new StepRunner(context, input, tracker, log) { Recall = recall };
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
            // Stamped before the end notice goes out: the result was ready then, and its agents' seats already free.
            var answeredAt = context.CurrentUtcDateTime;
            await PatternRecall.RememberAsync(context, input, Fingerprint(context, input, tracker, choice.Strategy, terms, recall, running, failureType: null));
            var finalAgent = run.Final?.AgentId ?? run.Steps[0].AgentId;
            await Task.WhenAll(
                index.EndedAsync(TaskRunStatus.Completed, tracker.Strategy, finalAgent, AgentsOf(run.Steps, tracker), errorType: null),
                notices.EndedAsync(TaskRunStatus.Completed, result: run.Answer().Text));
            return new TaskRunResult(
                input.TaskId,
                run.Final?.AgentId ?? run.Steps[0].AgentId,
                run.Answer(),
                run.Steps.Min(s => s.StartedAt),
                answeredAt,
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
            if (choice is not null)
            {
                // A task that ended before its strategy was chosen (rejected, never approved) says nothing about strategies or agents.
                await PatternRecall.RememberAsync(context, input, Fingerprint(context, input, tracker, choice.Strategy, terms, recall, running, failure.Type));
            }

            await Task.WhenAll(
                index.EndedAsync(TaskRunStatus.Failed, tracker.Strategy, agentId: null, tracker.Agents, failure.Type),
                notices.EndedAsync(TaskRunStatus.Failed, errorType: failure.Type, errorMessage: failure.Message));
            throw;
        }
    }

    /// <summary>Every agent that held a seat: the steps' agents first, as the task's own view lists them.</summary>
    static IReadOnlyList<string> AgentsOf(IReadOnlyList<StepOutcome> steps, TaskTracker tracker) =>
        [.. steps.Select(s => s.AgentId).Concat(tracker.Agents).Distinct(StringComparer.Ordinal)];

    /// <summary>What the task leaves for pattern recognition; its prompt only as term counts and, if embedded, a vector (and the pattern its steps were routed by).</summary>
    static TaskFingerprint Fingerprint(
        TaskOrchestrationContext context, TaskRunInput input, TaskTracker tracker, TaskStrategy strategy, TermCounts terms, Recall recall, DateTime running, string? failureType) => new(
        input.TaskId,
        context.CurrentUtcDateTime,
        input.SubmittedBy,
        CapabilityKey.Of(input.Capabilities),
        input.Capabilities,
        strategy,
        failureType is null ? TaskRunStatus.Completed : TaskRunStatus.Failed,
        failureType,
        tracker.CostUsd,
        (long)(context.CurrentUtcDateTime - running).TotalMilliseconds,
        [.. tracker.Steps],
        terms,
        Embedding: recall.Embedding,
        Pattern: recall.Pattern);

    /// <summary>Waits, at no cost, for a person's decision; a rejection or no decision in time ends the task.</summary>
    static async Task AwaitApprovalAsync(TaskOrchestrationContext context, TaskRunInput input, TaskTracker tracker, TaskStateNotices notices, TaskIndexWrites index)
    {
        // The listing holds the wait before the task's own view shows it, so whoever saw it waiting finds it listed so.
        // When the entry carries the notice, the notice goes with it, so it is told before the view shows it.
        if (index.CarriesNotices)
        {
            notices.Changed(TaskRunStatus.AwaitingApproval);
            await index.Written;
            tracker.Phase(TaskProgress.AwaitingApproval);
            tracker.Record("awaiting-approval", $"up to {ReadableDuration.Of(input.ApprovalWaitLimit)}");
        }
        else
        {
            await index.Written;
            tracker.Phase(TaskProgress.AwaitingApproval);
            tracker.Record("awaiting-approval", $"up to {ReadableDuration.Of(input.ApprovalWaitLimit)}");
            notices.Changed(TaskRunStatus.AwaitingApproval);
        }

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
        index.Approved();
    }
}
