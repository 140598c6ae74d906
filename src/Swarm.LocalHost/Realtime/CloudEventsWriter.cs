using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// Writes an event handler request as Web PubSub sends it: CloudEvents in binary mode, the event's attributes as
/// <c>ce-*</c> headers and its data as the body. <c>ce-signature</c> lets the handler check the request came from the
/// service: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the connection id, keyed with the access key's UTF-8
/// bytes (the service signs with each of its keys, comma-separated; the stand-in has one).
/// </summary>
public sealed class CloudEventsWriter(string hub, string accessKey, TimeProvider time)
{
    // The stand-in spells the protocol out itself rather than sharing the handler's constants (CloudEventHeaders): it
    // plays the service, so that each side following the public spec on its own is what the tests hold together.
    public const string ConnectType = "azure.webpubsub.sys.connect";
    public const string ConnectedType = "azure.webpubsub.sys.connected";
    public const string DisconnectedType = "azure.webpubsub.sys.disconnected";
    public const string UserTypePrefix = "azure.webpubsub.user.";

    public string Hub => hub;

    /// <param name="type">The <c>ce-type</c>; the event's name is its last part (<c>connect</c>, or a user event's name).</param>
    public UpstreamRequest Write(ClientConnection connection, string type, MessagePayload body)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Write(connection.Id, connection.UserId, connection.Subprotocol, connection.State, type, body);
    }

    /// <summary>An event of a connection not yet accepted (<c>connect</c>), from what is known of it so far.</summary>
    public UpstreamRequest Write(string connectionId, string? userId, string? subprotocol, string? state, string type, MessagePayload body)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);
        var eventName = type.StartsWith(UserTypePrefix, StringComparison.Ordinal) ? type[UserTypePrefix.Length..] : type[(type.LastIndexOf('.') + 1)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ce-specversion"] = "1.0",
            ["ce-type"] = type,
            ["ce-source"] = $"/hubs/{hub}/client/{connectionId}",
            ["ce-id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            ["ce-time"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["ce-awpsversion"] = "1.0",
            ["ce-hub"] = hub,
            ["ce-connectionId"] = connectionId,
            ["ce-eventName"] = eventName,
            ["ce-signature"] = Signature(connectionId),
        };
        if (userId is not null)
        {
            headers["ce-userId"] = userId;
        }

        if (subprotocol is not null)
        {
            headers["ce-subprotocol"] = subprotocol;
        }

        if (state is not null)
        {
            headers["ce-connectionState"] = state;
        }

        return new UpstreamRequest(headers, body.Bytes, body.ContentType);
    }

    string Signature(string connectionId) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.UTF8.GetBytes(connectionId)));
}
