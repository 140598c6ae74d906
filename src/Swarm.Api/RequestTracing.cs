using System.Diagnostics;
using System.Globalization;

namespace Swarm.Api;

/// <summary>
/// The span of one request through <see cref="ApiDispatcher"/>, the root of a task's trace: whatever the handler starts
/// (an orchestration, above all) is its child, and the durable runtime carries it on from there. Started here rather
/// than by a host's HTTP stack so both hosts give the same span with the same route names. It continues the caller's
/// trace: the host's own request span when that is exported, else the W3C <c>traceparent</c> (and <c>tracestate</c>)
/// the client sent. Tags follow the OpenTelemetry HTTP server conventions; nothing from the body, the query or a credential.
/// </summary>
public static class RequestTracing
{
    /// <summary>The name of the source (every <c>Swarm.*</c> source is exported).</summary>
    public const string SourceName = "Swarm.Api";

    static readonly ActivitySource Source = new(SourceName);

    /// <summary>A started server span for the request, or null when nothing listens (no exporter configured).</summary>
    public static Activity? Start(ApiRoute route, ApiRequest request, bool isFrame)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        if (!Source.HasListeners())
        {
            return null;
        }

        // ASP.NET Core starts an activity for every request whether or not anyone exports it (the local host exports
        // none): continuing that one would leave this span pointing at a parent no exporter sends, so only a host span
        // that is exported (the Functions worker's) is continued; otherwise the client's context is, as ASP.NET Core did.
        var parent = Activity.Current is { } host && host.Source.HasListeners() ? host.Context : ClientContext(request);
        var name = $"{route.Method} /{route.Template}";
        var span = Source.StartActivity(name, isFrame ? ActivityKind.Consumer : ActivityKind.Server, parent);
        if (span is null)
        {
            return null;
        }

        span.SetTag("http.request.method", route.Method);
        span.SetTag("http.route", "/" + route.Template);
        span.SetTag("url.path", request.Path);
        span.SetTag("swarm.route", route.Name);
        span.SetTag("swarm.correlation_id", request.CorrelationId);
        if (isFrame)
        {
            span.SetTag("swarm.realtime.frame", true);
        }

        return span;
    }

    /// <summary>Records the answer on the span: its status code, and an error status for a 5xx (a 4xx is the client's).</summary>
    public static void Finish(Activity? span, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (span is null)
        {
            return;
        }

        span.SetTag("http.response.status_code", response.Status);
        if (response.Status >= 500)
        {
            span.SetTag("error.type", response.Status.ToString(CultureInfo.InvariantCulture));
            span.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>The trace context the client sent, or none (a new trace) when it sent none or a malformed one.</summary>
    static ActivityContext ClientContext(ApiRequest request) =>
        request.Header("traceparent") is { } traceParent
        && ActivityContext.TryParse(traceParent, request.Header("tracestate"), isRemote: true, out var context)
            ? context
            : default;
}
