using System.Globalization;
using Google.Protobuf;

namespace Swarm.LocalHost.Tests.Tracing;

/// <summary>
/// Decodes an OTLP/HTTP <c>ExportTraceServiceRequest</c> (protobuf) into spans. A minimal reader: it walks the wire
/// format with Google.Protobuf's own <see cref="CodedInputStream"/> and knows only the fields a test asserts on, by
/// their numbers in opentelemetry-proto (<c>collector/trace/v1/trace_service.proto</c>, <c>trace/v1/trace.proto</c>,
/// <c>common/v1/common.proto</c>); every other field is skipped, as protobuf readers skip unknown fields. The
/// OpenTelemetry.Proto package is not served here, hence no generated classes.
/// </summary>
public static class OtlpTraceDecoder
{
    // Wire types: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32.
    const int LengthDelimited = 2;

    /// <summary>Every span in the request.</summary>
    public static List<OtlpSpan> Decode(byte[] body)
    {
        var spans = new List<OtlpSpan>();
        ForEachMessage(body, 1, resourceSpans =>            // ExportTraceServiceRequest.resource_spans = 1
            ForEachMessage(resourceSpans, 2, scopeSpans =>   // ResourceSpans.scope_spans = 2
            {
                var scope = "";
                ForEachMessage(scopeSpans, 1, s => scope = ReadString(s, 1) ?? ""); // ScopeSpans.scope = 1; InstrumentationScope.name = 1
                ForEachMessage(scopeSpans, 2, span => spans.Add(ReadSpan(span, scope))); // ScopeSpans.spans = 2
            }));
        return spans;
    }

    static OtlpSpan ReadSpan(byte[] span, string scope)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var kind = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = new CodedInputStream(span);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Hex(input.ReadBytes()); break;
                case 2: spanId = Hex(input.ReadBytes()); break;
                case 4:
                    var parentId = input.ReadBytes();
                    parent = parentId.Length == 0 ? null : Hex(parentId);
                    break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 9:
                    var (key, value) = ReadKeyValue(input.ReadBytes().ToByteArray());
                    attributes[key] = value;
                    break;
                default: input.SkipLastField(); break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, scope, kind, attributes);
    }

    /// <summary>KeyValue: key = 1, value = 2 (AnyValue).</summary>
    static (string Key, string Value) ReadKeyValue(byte[] keyValue)
    {
        var key = ReadString(keyValue, 1) ?? "";
        var value = "";
        ForEachMessage(keyValue, 2, any => value = ReadAnyValue(any));
        return (key, value);
    }

    /// <summary>AnyValue: string 1, bool 2, int64 3, double 4, array 5 (ArrayValue.values = 1).</summary>
    static string ReadAnyValue(byte[] any)
    {
        var input = new CodedInputStream(any);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: return input.ReadString();
                case 2: return input.ReadBool() ? "true" : "false";
                case 3: return input.ReadInt64().ToString(CultureInfo.InvariantCulture);
                case 4: return input.ReadDouble().ToString(CultureInfo.InvariantCulture);
                case 5:
                    var items = new List<string>();
                    ForEachMessage(input.ReadBytes().ToByteArray(), 1, item => items.Add(ReadAnyValue(item)));
                    return string.Join(',', items);
                default: input.SkipLastField(); break;
            }
        }

        return "";
    }

    /// <summary>Calls <paramref name="read"/> with each length-delimited field numbered <paramref name="field"/> of <paramref name="message"/>.</summary>
    static void ForEachMessage(byte[] message, int field, Action<byte[]> read)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && (int)WireFormat.GetTagWireType(tag) == LengthDelimited)
            {
                read(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    static string? ReadString(byte[] message, int field)
    {
        string? found = null;
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && (int)WireFormat.GetTagWireType(tag) == LengthDelimited)
            {
                found = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }

    static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
