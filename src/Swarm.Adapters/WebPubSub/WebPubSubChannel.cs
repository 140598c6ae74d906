using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;
using Swarm.Workflows.Realtime;

namespace Swarm.Adapters.WebPubSub;

/// <summary>
/// The real-time channel on Azure Web PubSub's REST API (the same requests its SDKs send): messages to users, groups,
/// connections and the whole hub, group membership of connections, and client tokens from the service's <c>:generateToken</c>. Authenticated with the access key when one
/// is configured, otherwise with the managed identity, so a deployment can keep the hub's keys disabled.
/// </summary>
public sealed class WebPubSubChannel : IRealtimeChannel, IClientAccessIssuer, IDisposable
{
    public const string ApiVersion = "2024-12-01";
    static readonly string[] EntraScope = ["https://webpubsub.azure.com/.default"];

    /// <summary>
    /// The most one call may take, the managed identity's token included. A notice is sent before the state it
    /// describes moves on (see PublishRealtimeActivity), so a channel that is down costs each notice at most this.
    /// </summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(5);

    readonly RealtimeSettings settings;
    readonly TimeProvider time;
    readonly HttpClient http;
    readonly TokenCredential? identity;
    readonly Uri endpoint;

    /// <param name="identity">The managed identity used when no access key is set; Azure.Identity's default chain if null.</param>
    public WebPubSubChannel(RealtimeSettings settings, TimeProvider time, TokenCredential? identity = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.time = time;
        endpoint = new Uri(settings.Endpoint!.TrimEnd('/') + "/");
        this.identity = settings.AccessKey is null ? identity ?? new DefaultAzureCredential() : null;
        http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // bounded per call by CallLimit instead
    }

    public string Hub => settings.Hub;

    /// <summary>Whether calls are signed by the managed identity (no access key configured) rather than with a key.</summary>
    public bool UsesManagedIdentity => identity is not null;

    public Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken) =>
        SendAsync($"users/{Uri.EscapeDataString(userId)}/:send", json, "sendToUser", cancellationToken);

    public Task SendToGroupAsync(string group, string json, CancellationToken cancellationToken) =>
        SendAsync($"groups/{Uri.EscapeDataString(group)}/:send", json, "sendToGroup", cancellationToken);

    public Task SendToAllAsync(string json, CancellationToken cancellationToken) =>
        SendAsync(":send", json, "sendToAll", cancellationToken);

    public Task SendToConnectionAsync(string connectionId, string json, CancellationToken cancellationToken) =>
        SendAsync($"connections/{Uri.EscapeDataString(connectionId)}/:send", json, "sendToConnection", cancellationToken);

    public async Task AddConnectionToGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, GroupConnectionUrl(connectionId, group));
        await CallAsync(request, "addConnectionToGroup", cancellationToken);
    }

    public async Task RemoveConnectionFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, GroupConnectionUrl(connectionId, group));
        await CallAsync(request, "removeConnectionFromGroup", cancellationToken, notFoundIsAnswer: true);
    }

    /// <summary>Web PubSub's "check user existence": 200 when the user has a connection, 404 when not.</summary>
    public async Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken)
    {
        var url = Url($"api/hubs/{settings.Hub}/users/{Uri.EscapeDataString(userId)}?api-version={ApiVersion}");
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        return await CallAsync(request, "checkUser", cancellationToken, notFoundIsAnswer: true) is not null;
    }

    public async Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        var url = Url($"api/hubs/{settings.Hub}/users/{Uri.EscapeDataString(userId)}/:closeConnections?reason={Uri.EscapeDataString(reason)}&api-version={ApiVersion}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        await CallAsync(request, "closeConnections", cancellationToken);
    }

    /// <summary>A WebSocket URL for one user, from the service (or the stand-in): <c>wss://…/client/hubs/{hub}?access_token=…</c>.</summary>
    public async Task<ClientAccess> GetClientAccessAsync(string userId, CancellationToken cancellationToken)
    {
        var url = Url($"api/hubs/{settings.Hub}/:generateToken?userId={Uri.EscapeDataString(userId)}&minutesToExpire={settings.ClientTokenMinutes}&api-version={ApiVersion}");
        var expiresAt = time.GetUtcNow().AddMinutes(settings.ClientTokenMinutes);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        using var body = JsonDocument.Parse(await CallAsync(request, "generateToken", cancellationToken) ?? "{}");
        var token = body.RootElement.TryGetProperty("token", out var t) && t.GetString() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Web PubSub's generateToken answered without a token.");
        var socket = new UriBuilder(Url($"client/hubs/{settings.Hub}")) { Scheme = endpoint.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return new ClientAccess($"{socket.Uri.AbsoluteUri}?access_token={Uri.EscapeDataString(token)}", userId, settings.Hub, expiresAt);
    }

    public void Dispose() => http.Dispose();

    Uri Url(string relative) => new(endpoint, relative);

    Uri GroupConnectionUrl(string connectionId, string group) =>
        Url($"api/hubs/{settings.Hub}/groups/{Uri.EscapeDataString(group)}/connections/{Uri.EscapeDataString(connectionId)}?api-version={ApiVersion}");

    /// <summary>One of the service's <c>:send</c> calls, at <paramref name="target"/> under the hub, with a JSON body.</summary>
    async Task SendAsync(string target, string json, string operation, CancellationToken cancellationToken)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json"); // as the SDKs send it, without a charset
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"api/hubs/{settings.Hub}/{target}?api-version={ApiVersion}")) { Content = content };
        await CallAsync(request, operation, cancellationToken);
    }

    /// <summary>One REST call within <see cref="CallLimit"/>; returns the body (null for a 404 that answers the question), or throws with the service's status.</summary>
    async Task<string?> CallAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken, bool notFoundIsAnswer = false)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CallLimit);

        // With a key, each request carries a short token whose audience is the request's own URL, as the SDKs sign it.
        var bearer = settings.AccessKey is { } key
            ? WebPubSubAccessTokens.Sign(key, request.RequestUri!.AbsoluteUri, userId: null, TimeSpan.FromMinutes(5), time.GetUtcNow())
            : (await identity!.GetTokenAsync(new TokenRequestContext(EntraScope), limit.Token)).Token;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request, limit.Token);
        var body = await response.Content.ReadAsStringAsync(limit.Token);
        if (notFoundIsAnswer && response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Web PubSub {operation} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
        }

        return body;
    }
}
