using Microsoft.DurableTask.Client;
using Swarm.Runtime.Configuration;
using Swarm.Runtime.Security;

namespace Swarm.Runtime.Http.Endpoints.Security;

/// <summary>
/// <c>POST /api/v1/auth/token</c>: an agent presents its API key (<c>Authorization: ApiKey ...</c> or <c>X-Api-Key</c>)
/// and gets a short-lived bearer token that acts as that agent, until it expires or the key is revoked.
/// </summary>
public sealed class ExchangeTokenHandler(SwarmSettings settings, TimeProvider time) : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var principal = request.Principal!;
        if (principal.Credential != CredentialKind.ApiKey)
        {
            // A session must not mint further sessions: that would outlive the key's own checks.
            return Task.FromResult(ApiResponse.Problem(Problems.Forbidden(Permissions.AuthToken) with
            {
                Detail = "A session token is exchanged for an agent's API key; present the key, not a token.",
            }));
        }

        var lifetime = TimeSpan.FromMinutes(settings.Security.AgentSessionMinutes);
        var token = TokenIssuer.MintAgentSession(settings.Security.Jwt, principal.AgentId!, principal.KeyId!, lifetime, time);
        var body = new AgentSession(token, "Bearer", (int)lifetime.TotalSeconds, principal.AgentId!);
        return Task.FromResult(ApiResponse.Ok(body).WithHeader("Cache-Control", "no-store") with
        {
            AuditDetail = $"session for agent {principal.AgentId} from key {principal.KeyId}, expires in {lifetime.TotalMinutes:0} min",
        });
    }
}

/// <summary>A session token for an agent, in the shape of an OAuth token response.</summary>
public sealed record AgentSession(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    string AgentId);
