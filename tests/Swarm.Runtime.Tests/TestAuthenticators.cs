using Azure.Data.Tables;
using Swarm.Runtime.Configuration;
using Swarm.Runtime.Security;
using Swarm.Runtime.Security.ApiKeys;

namespace Swarm.Runtime.Tests;

/// <summary>The authenticator as the hosts build it, for JWT-only tests: they never reach the key store (API keys are tested over Azurite in Swarm.LocalHost.Tests).</summary>
static class TestAuthenticators
{
    public static BearerTokenAuthenticator For(SwarmSettings settings) => new(
        settings,
        new ApiKeyService(new TableApiKeyStore(new TableServiceClient("UseDevelopmentStorage=true")), TimeProvider.System),
        new RoleGrants(settings));
}
