using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Swarm.Workflows.Models;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks.Index;
using Swarm.Workflows.Tools;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Calls the agent's model once, through the provider stack (fallbacks, retries, breaker, accounting), with the tools
/// the turn offers declared in the vendor's own format. The only place a workflow touches a provider: activities may
/// do I/O, orchestrators may not. It never runs a tool: the calls the model asks for go back to the orchestration,
/// which runs each as a durable step (see <see cref="AgentLoop"/>). Durable retries of this activity are the outer
/// retry layer (see <see cref="AgentTurnOrchestrator"/>). A turn of a task that streams is asked for a stream and sends
/// its text on the real-time channel as it comes (<see cref="StreamedModelCall"/>); what it returns is the same.
/// </summary>
/// <param name="channel">The real-time channel; without one (a test host), a turn that would stream is asked unstreamed.</param>
/// <param name="index">The task index, for the first seat's change a turn may carry (<see cref="AgentTurn.SeatChange"/>); none on a test host without one.</param>
public sealed class InvokeAgentActivity(
    IChatClientProvider clients, IToolServers servers, ModelCallLimits limits, ILoggerFactory loggers, IRealtimeChannel? channel = null, TimeProvider? time = null, ITaskIndex? index = null)
    : TaskActivity<AgentTurn, AgentReply>
{
    readonly ILogger log = loggers.CreateLogger(Logs.ModelCategory);
    readonly ILogger taskLog = loggers.CreateLogger(Logs.TaskCategory);
    readonly StreamedModelCall? streamed = channel is null ? null : new StreamedModelCall(channel, time ?? TimeProvider.System, loggers.CreateLogger(Logs.ModelCategory));

    public override async Task<AgentReply> RunAsync(TaskActivityContext context, AgentTurn input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await RecordSeatChangeAsync(input);
        var provider = input.Agent.Provider;
        var client = clients.GetClient(provider);
        var options = ModelCallOptions.For(input.Agent, input.Capability);
        if (input.Tools is { } offer)
        {
            var offered = await OfferedAsync(offer);
            if (offered.Count > 0)
            {
                options.Tools = [.. offered.Select(t => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, t.InputSchema))];
                options.ToolMode = ChatToolMode.Auto;
            }
        }

        var clock = Stopwatch.StartNew();
        log.ModelCallStarted(input.TaskId, input.Agent.Id, provider.Type, provider.Model);
        try
        {
            var messages = AgentPrompt.Messages(input);
            var response = await limits.RunAsync(
                "model call",
                token => input.Stream is { } stream && streamed is not null
                    ? streamed.GetResponseAsync(client, messages, options, input, stream, token)
                    : client.GetResponseAsync(messages, options, token),
                input.Deadline);
            var answer = ModelAnswers.From(response, provider, clock.ElapsedMilliseconds);
            log.ModelCallEnded(input.TaskId, input.Agent.Id, answer.Provider, answer.Model, answer.LatencyMs, answer.InputTokens, answer.OutputTokens);
            return new AgentReply(answer, CallsIn(response));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.ModelCallFailed(input.TaskId, input.Agent.Id, provider.Type, provider.Model, clock.ElapsedMilliseconds, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    /// <summary>
    /// Writes the task's first seat's index entry and sends the notices the turn carries, before the model is called (a
    /// retried turn writes the same row again, and tells again of <c>running</c>). A write that fails is logged and
    /// left: the entry is a copy that must not stop the work, and the task's next write, or the self-healing pass's
    /// repair, brings the row up to date. A notice that cannot go is logged and dropped, as everywhere.
    /// </summary>
    async Task RecordSeatChangeAsync(AgentTurn input)
    {
        if (input.SeatChange is not { } change)
        {
            return;
        }

        if (change.Entry is { } entry && index is not null)
        {
            try
            {
                await index.RecordAsync(entry, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                taskLog.SeatEntryNotWritten(input.TaskId, $"{e.GetType().Name}: {e.Message}");
            }
        }

        if (change.Notices.Count > 0 && channel is not null)
        {
            await PublishRealtimeNoticesActivity.SendAllAsync(channel, change.Notices, taskLog);
        }
    }

    /// <summary>The built-in tools the offer allows, and the servers' tools it allows when it could allow any.</summary>
    async Task<IReadOnlyList<ToolDefinition>> OfferedAsync(ToolOffer offer)
    {
        var builtIn = BuiltInTools.All.Where(t => offer.Allows(t.Name));
        if (!offer.MayUseServerTools)
        {
            return [.. builtIn];
        }

        var served = await servers.ListToolsAsync(CancellationToken.None);
        return [.. builtIn, .. served.Where(t => offer.Allows(t.Name))];
    }

    /// <summary>
    /// The tool calls in the reply, arguments kept as JSON. Arguments the SDK could not parse, or longer than
    /// <see cref="ToolLimits.MaxArgumentChars"/>, are flagged, not dropped (the model is told). A call without an id, or
    /// with one an earlier call of the reply has, gets its place as its id: results are matched to calls by id, and
    /// not every vendor gives one.
    /// </summary>
    static List<ToolCall> CallsIn(ChatResponse response)
    {
        var calls = new List<ToolCall>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var content in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            var id = string.IsNullOrEmpty(content.CallId) || !seen.Add(content.CallId) ? $"call-{calls.Count + 1}" : content.CallId;
            seen.Add(id);
            if (content.Exception is { } problem)
            {
                calls.Add(new ToolCall(id, content.Name, null, $"the arguments are not a JSON object: {problem.Message}"));
                continue;
            }

            var arguments = JsonSerializer.Serialize(content.Arguments ?? new Dictionary<string, object?>());
            calls.Add(arguments.Length <= ToolLimits.MaxArgumentChars
                ? new ToolCall(id, content.Name, arguments)
                : new ToolCall(id, content.Name, null, $"the arguments have {arguments.Length} characters; at most {ToolLimits.MaxArgumentChars} are taken."));
        }

        return calls;
    }
}
