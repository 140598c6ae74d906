using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Application.Security.ApiKeys;

namespace Swarm.Application.Tests;

/// <summary>The authenticator as the hosts build it, for JWT-only tests: they never reach the key store (API keys are tested over Azurite in Swarm.LocalHost.Tests).</summary>
static class TestAuthenticators
{
    public static BearerTokenAuthenticator For(SwarmSettings settings) => new(
        settings,
        new ApiKeyService(new UnreachableKeyStore(), TimeProvider.System),
        new RoleGrants(settings));

    /// <summary>Where the table store stands in the hosts; reaching it here would mean a JWT test depends on API keys.</summary>
    sealed class UnreachableKeyStore : IApiKeyStore
    {
        public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken) => throw Unreachable();

        public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) => throw Unreachable();

        public Task<bool> RevokeAsync(string agentId, string keyId, DateTimeOffset at, CancellationToken cancellationToken) => throw Unreachable();

        public Task<int> RevokeAllAsync(string agentId, DateTimeOffset at, CancellationToken cancellationToken) => throw Unreachable();

        static InvalidOperationException Unreachable() => new("JWT-only tests do not read API keys; test those over Azurite in Swarm.LocalHost.Tests.");
    }
}
