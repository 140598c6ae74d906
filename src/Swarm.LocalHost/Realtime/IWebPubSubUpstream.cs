namespace Swarm.LocalHost.Realtime;

/// <summary>
/// Where the local Web PubSub stand-in delivers its CloudEvents (connect, connected, user events, disconnected): the
/// swarm's event handler, called in-process with the HTTP request the service would send it.
/// </summary>
public interface IWebPubSubUpstream
{
    Task<UpstreamResponse> DeliverAsync(UpstreamRequest request, CancellationToken cancellationToken);
}

/// <summary>An event handler request as Web PubSub sends it: a POST in CloudEvents' binary mode.</summary>
/// <param name="Headers">The <c>ce-*</c> attributes and extensions (<c>ce-signature</c> included), by name, case-insensitive.</param>
/// <param name="ContentType">The body's type: <c>application/json</c>, <c>text/plain</c> or <c>application/octet-stream</c>.</param>
public sealed record UpstreamRequest(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, string ContentType);

/// <summary>The handler's answer: status, headers (<c>ce-connectionState</c> among them) and a body with its type.</summary>
public sealed record UpstreamResponse(int Status, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, string? ContentType);
