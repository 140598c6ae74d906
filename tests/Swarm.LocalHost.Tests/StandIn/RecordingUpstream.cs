using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Swarm.LocalHost.Realtime;

namespace Swarm.LocalHost.Tests.StandIn;

/// <summary>
/// A test event handler: records every CloudEvent the stand-in delivers, checks each one's headers the way a handler
/// following the service's docs would (its own HMAC of the connection id with the key, the source, the versions), and
/// answers with what the test says (204 when it says nothing).
/// </summary>
sealed class RecordingUpstream(string accessKey, string hub) : IWebPubSubUpstream
{
    readonly List<UpstreamRequest> requests = [];
    readonly List<string> violations = [];

    /// <summary>The answer to each request; null answers 204.</summary>
    public Func<UpstreamRequest, UpstreamResponse?> Answer { get; set; } = _ => null;

    public List<UpstreamRequest> Requests
    {
        get { lock (requests) { return [.. requests]; } }
    }

    /// <summary>What was wrong with the requests' headers; empty when every request was as the service sends it.</summary>
    public List<string> Violations
    {
        get { lock (requests) { return [.. violations]; } }
    }

    public Task<UpstreamResponse> DeliverAsync(UpstreamRequest request, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add(request);
            violations.AddRange(Check(request));
        }

        return Task.FromResult(Answer(request) ?? Answered(204));
    }

    /// <summary>Waits until a request matching <paramref name="match"/> arrived.</summary>
    public async Task<UpstreamRequest> WaitForAsync(Func<UpstreamRequest, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No such event handler request arrived; got: " + string.Join(", ", Requests.Select(r => r.Headers["ce-type"])));
    }

    public static UpstreamResponse Answered(int status, string? body = null, string? contentType = null, string? state = null)
    {
        var headers = new Dictionary<string, string>();
        if (state is not null)
        {
            headers["ce-connectionState"] = state;
        }

        return new UpstreamResponse(status, headers, body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body), contentType);
    }

    public static UpstreamResponse Json(object body, string? state = null) =>
        Answered(200, JsonSerializer.Serialize(body), "application/json", state);

    IEnumerable<string> Check(UpstreamRequest request)
    {
        var h = request.Headers;
        string? Get(string name) => h.TryGetValue(name, out var value) ? value : null;
        var connectionId = Get("ce-connectionId");
        var type = Get("ce-type") ?? "";
        if (string.IsNullOrEmpty(connectionId))
        {
            yield return "no ce-connectionId";
            yield break;
        }

        // The docs: ce-signature is sha256=hex(HMAC_SHA256(accessKey, connectionId)), one per key, comma-separated.
        var expected = "sha256=" + Convert.ToHexStringLower(new HMACSHA256(Encoding.UTF8.GetBytes(accessKey)).ComputeHash(Encoding.UTF8.GetBytes(connectionId)));
        if (!(Get("ce-signature") ?? "").Split(',').Contains(expected, StringComparer.Ordinal))
        {
            yield return $"{type}: ce-signature {Get("ce-signature")} is not {expected}";
        }

        foreach (var (name, value) in new[] { ("ce-specversion", "1.0"), ("ce-awpsversion", "1.0"), ("ce-hub", hub), ("ce-source", $"/hubs/{hub}/client/{connectionId}") })
        {
            if (Get(name) != value)
            {
                yield return $"{type}: {name} is {Get(name)}, not {value}";
            }
        }

        var eventName = Get("ce-eventName");
        var expectedType = eventName is "connect" or "connected" or "disconnected" ? $"azure.webpubsub.sys.{eventName}" : $"azure.webpubsub.user.{eventName}";
        if (type != expectedType)
        {
            yield return $"ce-type {type} does not match ce-eventName {eventName}";
        }

        if (string.IsNullOrEmpty(Get("ce-id")) || !DateTimeOffset.TryParse(Get("ce-time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            yield return $"{type}: ce-id or ce-time missing";
        }
    }
}
