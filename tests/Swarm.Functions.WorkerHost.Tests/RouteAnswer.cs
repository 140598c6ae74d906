using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>What a client sees of one answer, from either process: status, headers (names lower-cased) and body.</summary>
public sealed record RouteAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Headers the web server writes itself (Kestrel here, the Functions host there), not the app.</summary>
    static readonly HashSet<string> ServerHeaders = ["date", "server", "transfer-encoding", "content-length"];

    public static RouteAnswer From(RpcHttp http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = http.Body is null ? string.Empty : http.Body.DataCase switch
        {
            TypedData.DataOneofCase.Bytes => http.Body.Bytes.ToStringUtf8(),
            TypedData.DataOneofCase.String => http.Body.String,
            TypedData.DataOneofCase.None => string.Empty,
            _ => http.Body.ToString(),
        };
        var headers = http.Headers.Where(h => !ServerHeaders.Contains(h.Key.ToLowerInvariant())).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
        return new RouteAnswer(int.Parse(http.StatusCode, CultureInfo.InvariantCulture), headers, body);
    }

    public static async Task<RouteAnswer> FromAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !ServerHeaders.Contains(h.Key.ToLowerInvariant()))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        return new RouteAnswer((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The body as JSON, or null if it is not JSON.</summary>
    public JsonElement? Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() =>
        $"{Status} {string.Join(" ", Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "=" + h.Value))}{Environment.NewLine}{(Body.Length > 2000 ? Body[..2000] + "..." : Body)}";
}
