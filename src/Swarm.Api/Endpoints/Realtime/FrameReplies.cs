using System.Text.Json;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// How the swarm answers a client's frame, on the same connection: <c>{"type": "ack", "id", "status", "data"}</c> with
/// the REST twin's answer as data, or <c>{"type": "error", "id", "status", "data"}</c> whose data is the problem
/// document (RFC 9457 fields) the REST twin would have answered. <c>id</c> is the frame's own, so a client can match
/// answers to what it sent.
/// </summary>
public static class FrameReplies
{
    public const string Ack = "ack";
    public const string Error = "error";

    public static IReadOnlyDictionary<string, object?> From(JsonElement? id, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var failed = response.Status >= 400;
        var reply = new Dictionary<string, object?>
        {
            ["type"] = failed ? Error : Ack,
            ["id"] = id,
            ["status"] = response.Status,
            ["data"] = response.Body,
        };
        if (!failed && response.Headers.TryGetValue(CorrelationIds.Header, out var correlationId))
        {
            reply["correlationId"] = correlationId;
        }

        return reply;
    }

    public static IReadOnlyDictionary<string, object?> Problem(JsonElement? id, ProblemDetails problem) => From(id, ApiResponse.Problem(problem));
}
