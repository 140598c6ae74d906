using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Swarm.Domain.Agents;
using Swarm.Domain.Memory;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Tools;

/// <summary>
/// Carries out the tool calls of one agent's step, inside the task's orchestration: checks each against the agent's
/// configured tools (a refusal goes back to the model as the tool's result), runs it as a durable step of its kind,
/// and records it in the timeline. No tool call fails the step: a failure, a bad argument or a refusal is an error
/// result the model reads. Only the task's deadline ends the step from here.
/// </summary>
/// <param name="seatKey">The step attempt's seat key, unique in the task, which names the questions and votes it starts.</param>
public sealed class AgentToolbox(TaskOrchestrationContext context, TaskRunInput input, TaskTracker tracker, StepRunner steps, MemoryTools memory, ILogger log, AgentProfile agent, MemoryScope scope, string stage, string seatKey, bool delegation)
{
    /// <summary>Characters of a call's arguments and result the timeline shows (the audit trail keeps <see cref="ToolLimits.SummaryChars"/>).</summary>
    const int TimelineSummary = 40;

    public async Task<(ToolCallResult Result, ToolCallRecord Record)> CallAsync(ToolCall call, int turn, int index)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = context.CurrentUtcDateTime;
        ToolResult result;
        string outcome;
        try
        {
            if (!new ToolOffer(agent.Tools ?? [], delegation).Allows(call.Name))
            {
                result = ToolResult.Error(NotAllowed(call.Name));
                outcome = ToolCallRecord.Refused;
            }
            else
            {
                result = await RunAsync(call, ToolArguments.Of(call), turn, index);
                outcome = result.IsError ? ToolCallRecord.Failed : ToolCallRecord.Succeeded;
            }
        }
        catch (ToolArgumentException e)
        {
            result = ToolResult.Error($"Bad arguments for '{call.Name}': {e.Message}");
            outcome = ToolCallRecord.Refused;
        }
        catch (TaskFailedException e)
        {
            result = ToolResult.Error($"The tool failed: {TaskFailure.From(e).Message}");
            outcome = ToolCallRecord.Failed;
        }
        catch (Microsoft.DurableTask.Entities.EntityOperationFailedException e)
        {
            // A memory entity that failed its operation: the tool failed, not the step.
            result = ToolResult.Error($"The tool failed: {e.FailureDetails.ErrorMessage}");
            outcome = ToolCallRecord.Failed;
        }

        return Settled(call, started, outcome, ToolLimits.Capped(result), overBudget: false);
    }

    /// <summary>A call not run because the step's tool calls are spent: answered, shown and audited as refused.</summary>
    public (ToolCallResult Result, ToolCallRecord Record) OverBudget(ToolCall call, int maxToolCalls)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = ToolResult.Error($"Not run: this step's tool calls are spent (maxToolCalls {maxToolCalls}).");
        return Settled(call, context.CurrentUtcDateTime, ToolCallRecord.Refused, result, overBudget: true);
    }

    /// <summary>A finished call put on record: in the timeline and the log now, and as the record the round's audit will carry.</summary>
    (ToolCallResult Result, ToolCallRecord Record) Settled(ToolCall call, DateTimeOffset started, string outcome, ToolResult result, bool overBudget)
    {
        var duration = (long)(context.CurrentUtcDateTime - started).TotalMilliseconds;
        tracker.Record("tool", overBudget
            ? $"{stage}: {agent.Id} {call.Name} {outcome}, over budget"
            : $"{stage}: {agent.Id} {call.Name} {outcome}, {duration} ms ({ToolLimits.Summary(call.Arguments, TimelineSummary)} → {ToolLimits.Summary(result.Text, TimelineSummary)})");
        log.ToolCalled(input.TaskId, stage, agent.Id, call.Name, outcome, duration);
        var record = new ToolCallRecord(call.CallId, call.Name, started, duration, outcome, ToolLimits.Summary(call.Arguments ?? call.ArgumentProblem), ToolLimits.Summary(result.Text));
        return (new ToolCallResult(call.CallId, call.Name, result), record);
    }

    Task<ToolResult> RunAsync(ToolCall call, ToolArguments arguments, int turn, int index) => call.Name switch
    {
        BuiltInTools.MemoryGet or BuiltInTools.MemoryPut or BuiltInTools.MemoryList or BuiltInTools.MemorySearch => memory.RunAsync(call.Name, arguments, scope),
        BuiltInTools.Ask => AskTool.RunAsync(steps, agent, $"{seatKey}.ask{turn}-{index + 1}", arguments),
        BuiltInTools.Vote => VoteTool.RunAsync(context, input.TaskId, agent, $"{seatKey}.{turn}", $"vote-{index + 1}", input.Notify, arguments, input.DispatchShards),
        _ when ToolNames.ParseServerTool(call.Name) is not null => context.CallActivityAsync<ToolResult>(
            nameof(CallServerToolActivity), new ServerToolCall(input.TaskId, agent.Id, call.Name, arguments.Json.GetRawText(), input.Deadline), CallServerToolActivity.Retry),
        _ => Task.FromResult(ToolResult.Error($"There is no tool named '{call.Name}'.")),
    };

    string NotAllowed(string tool) =>
        !delegation && BuiltInTools.Delegating.Contains(tool, StringComparer.Ordinal)
            ? $"'{tool}' is not available while answering another agent's question."
            : $"Agent '{agent.Id}' may not use '{tool}'; its tools are [{string.Join(", ", agent.Tools ?? [])}].";
}
