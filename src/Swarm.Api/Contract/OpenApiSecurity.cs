using System.Text.Json.Nodes;
using Swarm.Application.Security;

namespace Swarm.Api.Contract;

/// <summary>
/// How callers prove who they are, as <see cref="BearerTokenAuthenticator"/> and <c>ChannelServiceAuthenticator</c>
/// read it: a bearer JWT (a person's or service's token, or an agent session from <c>POST /api/v1/auth/token</c>), an
/// agent's API key in the <c>Authorization</c> header with the <c>ApiKey</c> scheme or in <c>X-Api-Key</c>, and, for
/// the real-time event handler only, Web PubSub's own signature.
/// </summary>
public static class OpenApiSecurity
{
    public const string Bearer = "bearerJwt";
    public const string ApiKeyAuthorization = "agentApiKey";
    public const string ApiKeyHeader = "agentApiKeyHeader";
    public const string ChannelService = "webPubSubService";

    public static JsonObject Schemes() => new()
    {
        [Bearer] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["bearerFormat"] = "JWT",
            ["description"] = "'Authorization: Bearer <token>': a person's or service's JWT signed with the swarm's secret (HS256; roles in the 'roles' claim), or an agent session minted from its API key at POST /api/v1/auth/token.",
        },
        [ApiKeyAuthorization] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = "Authorization",
            ["description"] = "An agent's API key with the ApiKey scheme: 'Authorization: ApiKey swk.<id>.<secret>' (issued by POST /api/v1/agents or POST /api/v1/agents/{id}/keys).",
        },
        [ApiKeyHeader] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = BearerTokenAuthenticator.ApiKeyHeader,
            ["description"] = "The same agent API key in a header of its own: 'X-Api-Key: swk.<id>.<secret>'.",
        },
        [ChannelService] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = "ce-signature",
            ["description"] = "Only Azure Web PubSub calls the event handler: its HMAC-SHA256 signature of the connection id with the service's access key (or its Entra token as 'Authorization: Bearer'). No swarm credential is accepted there.",
        },
    };

    /// <summary>The credentials <paramref name="route"/> accepts, as an OpenAPI security requirement list (empty for anonymous routes).</summary>
    public static JsonArray For(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Permission switch
        {
            Permissions.Anonymous => [],
            Permissions.ChannelService => [Requirement(ChannelService)],
            _ => [Requirement(Bearer), Requirement(ApiKeyAuthorization), Requirement(ApiKeyHeader)],
        };
    }

    static JsonObject Requirement(string scheme) => new() { [scheme] = new JsonArray() };
}
