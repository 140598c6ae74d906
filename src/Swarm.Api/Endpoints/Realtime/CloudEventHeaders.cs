namespace Swarm.Api.Endpoints.Realtime;

/// <summary>The CloudEvents attributes and Web PubSub extensions the event handler reads, as HTTP headers (binary mode).</summary>
public static class CloudEventHeaders
{
    public const string Type = "ce-type";
    public const string ConnectionId = "ce-connectionId";
    public const string UserId = "ce-userId";
    public const string EventName = "ce-eventName";
    public const string Signature = "ce-signature";
    public const string ConnectionState = "ce-connectionState";
    public const string Hub = "ce-hub";

    /// <summary>The subprotocol the connection speaks (<c>json.webpubsub.azure.v1</c>), absent for a plain client.</summary>
    public const string Subprotocol = "ce-subprotocol";

    public const string ConnectType = "azure.webpubsub.sys.connect";
    public const string ConnectedType = "azure.webpubsub.sys.connected";
    public const string DisconnectedType = "azure.webpubsub.sys.disconnected";

    /// <summary>Every event a client sends: <c>azure.webpubsub.user.{event name}</c>.</summary>
    public const string UserTypePrefix = "azure.webpubsub.user.";

    /// <summary>The abuse-protection handshake's request and answer (CloudEvents' HTTP webhook spec).</summary>
    public const string RequestOrigin = "WebHook-Request-Origin";
    public const string AllowedOrigin = "WebHook-Allowed-Origin";
}
