using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Swarm.Application.Configuration;
using Swarm.Application.Security;

namespace Swarm.Application.Realtime;

/// <summary>
/// Who a connection acts as, decided once at its <c>connect</c> event and kept by the channel as the connection's
/// state (Web PubSub's <c>ce-connectionState</c>), which the service hands back with every later event of that
/// connection. It is sealed with a key derived from the swarm's signing secret and bound to the connection id, so
/// neither a client nor a replayed request can change whose frames these are.
/// </summary>
/// <param name="ExpiresAt">When the credential it was decided from ends; its frames are refused after that.</param>
public sealed record ConnectionGrant(
    string ConnectionId,
    string Subject,
    IReadOnlyList<string> Roles,
    CredentialKind Credential,
    string? AgentId,
    string? KeyId,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>The name of this grant among the connection's states.</summary>
    public const string StateName = "swarm.grant";

    static readonly byte[] Purpose = Encoding.UTF8.GetBytes("swarm realtime connection grant v1");

    public static ConnectionGrant For(string connectionId, SwarmPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new(connectionId, principal.Subject, principal.Roles, principal.Credential, principal.AgentId, principal.KeyId, principal.ExpiresAt);
    }

    /// <summary>The principal the grant stands for, with the permissions its roles grant now (a changed role applies at once).</summary>
    public SwarmPrincipal ToPrincipal(RoleGrants grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return new(Subject, Roles, grants.For(Roles), Credential, AgentId, KeyId, ExpiresAt);
    }

    /// <summary>The connection state header's value: base64 of <c>{"swarm.grant": "payload.mac"}</c>.</summary>
    public string Seal(JwtSettings jwt)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(this);
        var sealedGrant = Base64Url(payload) + "." + Base64Url(Mac(jwt, payload));
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { [StateName] = sealedGrant }));
    }

    /// <summary>The grant in a connection state header, if it is intact and was made for this connection; null otherwise.</summary>
    public static ConnectionGrant? Open(JwtSettings jwt, string? state, string? connectionId)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(connectionId))
        {
            return null;
        }

        try
        {
            var states = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Convert.FromBase64String(state));
            if (states is null || !states.TryGetValue(StateName, out var value) || value.GetString()?.Split('.') is not [var payloadPart, var macPart])
            {
                return null;
            }

            var payload = FromBase64Url(payloadPart);
            if (!CryptographicOperations.FixedTimeEquals(Mac(jwt, payload), FromBase64Url(macPart)))
            {
                return null;
            }

            var grant = JsonSerializer.Deserialize<ConnectionGrant>(payload);
            return grant is not null && string.Equals(grant.ConnectionId, connectionId, StringComparison.Ordinal) ? grant : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    static byte[] Mac(JwtSettings jwt, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Secret!), 32, info: Purpose);
        return HMACSHA256.HashData(key, payload);
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
