using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Application.Security;

namespace Swarm.Api.Endpoints.Security;

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
        // Whole seconds, as the token's own exp claim counts them: a client that refreshes at expiresAt is never late.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        var body = new AgentSession(token, "Bearer", (int)lifetime.TotalSeconds, expiresAt, principal.AgentId!);
        return Task.FromResult(ApiResponse.Ok(body).WithHeader("Cache-Control", "no-store") with
        {
            AuditDetail = $"session for agent {principal.AgentId} from key {principal.KeyId}, expires in {lifetime.TotalMinutes:0} min",
        });
    }
}
