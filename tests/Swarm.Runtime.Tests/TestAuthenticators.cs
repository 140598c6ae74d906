using Azure.Data.Tables;
using Swarm.Adapters.Storage;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Application.Security.ApiKeys;

namespace Swarm.Runtime.Tests;

/// <summary>The authenticator as the hosts build it, for JWT-only tests: they never reach the key store (API keys are tested over Azurite in Swarm.LocalHost.Tests).</summary>
static class TestAuthenticators
{
    public static BearerTokenAuthenticator For(SwarmSettings settings) => new(
        settings,
        new ApiKeyService(new TableApiKeyStore(new TableServiceClient("UseDevelopmentStorage=true")), TimeProvider.System),
        new RoleGrants(settings));
}
