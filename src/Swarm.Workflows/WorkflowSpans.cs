using System.Diagnostics;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows;

/// <summary>
/// The spans the workflows add to a task's trace inside the durable runtime's own (each orchestration, activity and
/// entity call already has one, carried through the durable messages): a real-time notice as it leaves, and a call of a
/// tool served from outside. Both are children of the activity span that makes them. Started only when an exporter
/// listens; ids and names only, never a payload.
/// </summary>
public static class WorkflowSpans
{
    /// <summary>The name of the source (every <c>Swarm.*</c> source is exported).</summary>
    public const string SourceName = "Swarm.Workflows";

    static readonly ActivitySource Source = new(SourceName);

    /// <summary>A producer span for one notice on the real-time channel, named for its event type.</summary>
    public static Activity? StartNotice(RealtimeDelivery notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var span = Source.StartActivity("publish " + notice.Type, ActivityKind.Producer);
        span?.SetTag("messaging.system", "azure_web_pubsub");
        span?.SetTag("messaging.operation.type", "send");
        span?.SetTag("swarm.realtime.event", notice.Type);
        span?.SetTag("swarm.realtime.audience", notice.To.Kind.ToString().ToLowerInvariant());
        if (notice.To.Kind == RealtimeAudienceKind.Group)
        {
            span?.SetTag("messaging.destination.name", notice.To.Name);
        }

        return span;
    }

    /// <summary>
    /// A span for one call of a server tool, in the generative-AI conventions' shape for tool execution
    /// (<c>execute_tool {name}</c>, <c>gen_ai.tool.name</c>); the arguments and the result stay out of it.
    /// </summary>
    public static Activity? StartToolCall(string toolName, string taskId, string agentId)
    {
        var span = Source.StartActivity("execute_tool " + toolName, ActivityKind.Internal);
        span?.SetTag("gen_ai.operation.name", "execute_tool");
        span?.SetTag("gen_ai.tool.name", toolName);
        span?.SetTag("gen_ai.tool.type", "extension");
        span?.SetTag("swarm.task.id", taskId);
        span?.SetTag("swarm.agent.id", agentId);
        return span;
    }

    /// <summary>Marks <paramref name="span"/> failed, with the error's type (the convention's <c>error.type</c>).</summary>
    public static void Failed(Activity? span, string errorType)
    {
        span?.SetTag("error.type", errorType);
        span?.SetStatus(ActivityStatusCode.Error);
    }
}
