using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Requests to the event handler built as Web PubSub sends them (CloudEvents in binary mode, signed over the
/// connection id with the access key), so a test can play the service against <c>POST /api/v1/realtime/events</c>.
/// </summary>
static class RealtimeEventRequests
{
    public const string Path = "/api/v1/realtime/events";

    public static HttpRequestMessage Connect(string key, string connectionId, string? userId, object body) =>
        Event(key, connectionId, "azure.webpubsub.sys.connect", "connect", userId, state: null, JsonSerializer.Serialize(body), "application/json");

    /// <summary>A frame the client sent: a plain text frame arrives as the <c>message</c> event.</summary>
    public static HttpRequestMessage Frame(string key, string connectionId, string? userId, string? state, string frame, string eventName = "message", string contentType = "text/plain") =>
        Event(key, connectionId, "azure.webpubsub.user." + eventName, eventName, userId, state, frame, contentType);

    public static HttpRequestMessage Event(string? key, string connectionId, string type, string eventName, string? userId, string? state, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var headers = request.Headers;
        headers.Add("ce-specversion", "1.0");
        headers.Add("ce-type", type);
        headers.Add("ce-source", $"/hubs/swarm/client/{connectionId}");
        headers.Add("ce-id", Guid.NewGuid().ToString("N"));
        headers.Add("ce-time", DateTimeOffset.UtcNow.ToString("O"));
        headers.Add("ce-awpsversion", "1.0");
        headers.Add("ce-hub", "swarm");
        headers.Add("ce-connectionId", connectionId);
        headers.Add("ce-eventName", eventName);
        if (userId is not null)
        {
            headers.Add("ce-userId", userId);
        }

        if (state is not null)
        {
            headers.Add("ce-connectionState", state);
        }

        if (key is not null)
        {
            headers.Add("ce-signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(connectionId))));
        }

        return request;
    }

    /// <summary>The swarm's ticket in a negotiated WebSocket URL.</summary>
    public static string TicketIn(string url) =>
        Uri.UnescapeDataString(new Uri(url).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("swarm_ticket=", StringComparison.Ordinal))["swarm_ticket=".Length..]);
}
