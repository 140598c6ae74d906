using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The blocking <c>connect</c> event: what the service tells the handler about a client before accepting its socket
/// (<c>{claims, query, headers, subprotocols, clientCertificates}</c>, each multi-valued as <c>{name: [values]}</c>), and
/// what the handler answers: 200 with <c>{userId, groups, roles, subprotocol}</c> (each optional) or 204, any other status refusing the client.
/// </summary>
public static class UpstreamConnect
{
    /// <summary>
    /// The request's body. The access token is left out of <c>query</c> and <c>Authorization</c> out of <c>headers</c>:
    /// the handler gets the token's claims instead, and the credential itself stays with the service.
    /// </summary>
    public static MessagePayload Body(IReadOnlyDictionary<string, string[]> claims, IQueryCollection query, IHeaderDictionary headers, IEnumerable<string> subprotocols)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        var body = new Dictionary<string, object>
        {
            ["claims"] = claims,
            ["query"] = Multi(query.Where(q => !string.Equals(q.Key, "access_token", StringComparison.OrdinalIgnoreCase))),
            ["headers"] = Multi(headers.Where(h => !string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase))),
            ["subprotocols"] = subprotocols.ToArray(),
            ["clientCertificates"] = Array.Empty<object>(),
        };
        return new MessagePayload(MessagePayload.Json, JsonSerializer.SerializeToUtf8Bytes(body));
    }

    /// <summary>A 2xx answer's settings; null (with why) when a 200 body is not the JSON object the protocol describes.</summary>
    public static (ConnectAnswer? Answer, string? Problem) Read(UpstreamResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var state = ConnectionUpstream.Header(response, "ce-connectionState");
        if (response.Status != 200 || response.Body.IsEmpty)
        {
            return (new ConnectAnswer(null, [], [], null, state), null);
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the connect answer is not a JSON object");
            }

            return (new ConnectAnswer(Text(root, "userId"), Texts(root, "groups"), Texts(root, "roles"), Text(root, "subprotocol"), state), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, "the connect answer is not valid JSON of the documented shape");
        }
    }

    static Dictionary<string, string?[]> Multi(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    static string[] Texts(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()).OfType<string>().Where(s => s.Length > 0)]
            : [];
}

/// <summary>What the handler's <c>connect</c> answer sets: the user (overriding the token's), groups to join, roles, the subprotocol and the connection state.</summary>
public sealed record ConnectAnswer(string? UserId, string[] Groups, string[] Roles, string? Subprotocol, string? State);
