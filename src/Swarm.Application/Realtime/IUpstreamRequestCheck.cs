namespace Swarm.Application.Realtime;

/// <summary>
/// Whether a request to the event handler comes from our Web PubSub: its signature over the connection id with the
/// access key, or the service's Entra token when keys are off; and the abuse-protection handshake's answer.
/// </summary>
public interface IUpstreamRequestCheck
{
    /// <summary>Null when the request provably comes from our Web PubSub; otherwise why not (never a secret).</summary>
    Task<string?> RefusalAsync(string? connectionId, string? signatureHeader, string? authorizationHeader, CancellationToken cancellationToken);

    /// <summary>The origin to allow in the abuse-protection handshake (<c>WebHook-Allowed-Origin</c>), or null to refuse it.</summary>
    string? AllowedOrigin(string? webhookRequestOrigin);
}
