using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Swarm.Workflows.Tools;

/// <summary>
/// Runs one call of a tool served from outside (an MCP server) as a durable activity: once it has completed, its
/// result is in the task's history and no replay or crash runs it again. A tool that fails or hangs gives an error
/// result (the servers' own timeout applies, and never past the task's deadline), so a tool never fails a task by itself.
/// </summary>
public sealed class CallServerToolActivity(IToolServers servers, ILoggerFactory loggers) : TaskActivity<ServerToolCall, ToolResult>
{
    /// <summary>
    /// A second attempt only for a crash or a lost worker (the call itself answers failures as error results). A tool
    /// may have side effects, so it is not retried more than that.
    /// </summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromSeconds(1)));

    readonly ILogger log = loggers.CreateLogger(Logs.ToolCategory);

    public override async Task<ToolResult> RunAsync(TaskActivityContext context, ServerToolCall input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var left = input.Deadline is { } due ? due - DateTimeOffset.UtcNow : Timeout.InfiniteTimeSpan;
        if (left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero)
        {
            return ToolResult.Error("The task's deadline passed before the tool could run.");
        }

        using var deadline = new CancellationTokenSource(left);
        using var arguments = JsonDocument.Parse(input.Arguments);
        using var span = WorkflowSpans.StartToolCall(input.Name, input.TaskId, input.AgentId);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = ToolLimits.Capped(await servers.CallToolAsync(input.Name, arguments.RootElement, deadline.Token));
            log.ServerToolCalled(input.TaskId, input.AgentId, input.Name, clock.ElapsedMilliseconds, result.IsError);
            if (result.IsError)
            {
                WorkflowSpans.Failed(span, "tool_error");
            }

            return result;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            log.ServerToolCalled(input.TaskId, input.AgentId, input.Name, clock.ElapsedMilliseconds, true);
            WorkflowSpans.Failed(span, "deadline");
            return ToolResult.Error("The task's deadline passed while the tool ran; it was stopped.");
        }
    }
}
