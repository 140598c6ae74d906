using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swarm.Workflows.Json;

/// <summary>
/// The one JSON shape the swarm shows its clients, in API bodies and real-time events alike: camelCase, enums as
/// camelCase names, nulls left out, and strict reading (unknown fields, duplicate fields, comments and trailing
/// commas are errors) so a typo in a request is reported instead of ignored.
/// </summary>
public static class SwarmJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // The default encoder escapes for embedding in HTML (a quote becomes \u0022, a plus \u002B), which makes answers
        // and prompts unreadable in a terminal. This JSON never goes into HTML: API bodies are served as
        // application/json (or problem+json) and events are WebSocket text frames that clients parse as JSON, so only
        // what JSON itself requires is escaped (quotes as \", backslashes, control characters). A client that puts a
        // value into a page must encode it for the page, as it must for any data.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new EnumNameConverter() },
    };
}
