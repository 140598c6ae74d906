namespace Swarm.LocalHost.Tests.Tracing;

/// <summary>One span as an OTLP exporter sent it, decoded by <see cref="OtlpTraceDecoder"/>.</summary>
/// <param name="TraceId">The trace id, 32 lower-case hex digits.</param>
/// <param name="SpanId">The span id, 16 lower-case hex digits.</param>
/// <param name="ParentSpanId">The parent's span id, or null for a root span.</param>
/// <param name="Scope">The instrumentation scope (the ActivitySource's name).</param>
/// <param name="Kind">The OTLP span kind (1 internal, 2 server, 3 client, 4 producer, 5 consumer).</param>
/// <param name="Attributes">String, integer, boolean and double attributes; arrays joined with commas.</param>
public sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Scope,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() => $"{Name} [{Scope}] {SpanId} <- {ParentSpanId ?? "root"}";
}
