using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests.Tracing;

/// <summary>
/// An OTLP/HTTP trace receiver in the test process: <c>POST /v1/traces</c> with an <c>application/x-protobuf</c> body,
/// decoded by <see cref="OtlpTraceDecoder"/>, answered as a collector does (200 with an empty
/// <c>ExportTraceServiceResponse</c>). Other signals (the metrics exporter posts too) are accepted and ignored.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    readonly ConcurrentQueue<OtlpSpan> spans = new();
    readonly ConcurrentQueue<string> refused = new();
    WebApplication app = null!;

    /// <summary>The root to give the exporter as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, e.g. <c>http://127.0.0.1:4567/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<OtlpSpan> Spans => [.. spans];

    /// <summary>Requests to /v1/traces that were not OTLP protobuf (none is expected).</summary>
    public IReadOnlyList<string> Refused => [.. refused];

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var receiver = new OtlpTraceReceiver();
        (receiver.app, receiver.Endpoint) = await LoopbackWebApp.StartAsync(receiver.AnswerAsync, TimeSpan.FromSeconds(2));
        return receiver;
    }

    /// <summary>The spans of one trace received so far.</summary>
    public IReadOnlyList<OtlpSpan> Trace(string traceId) => [.. spans.Where(s => s.TraceId == traceId)];

    async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (context.Request.Method == "POST" && context.Request.Path == "/v1/traces")
        {
            if (context.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
            {
                refused.Enqueue(context.Request.ContentType ?? "(no content type)");
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            foreach (var span in OtlpTraceDecoder.Decode(body.ToArray()))
            {
                spans.Enqueue(span);
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
