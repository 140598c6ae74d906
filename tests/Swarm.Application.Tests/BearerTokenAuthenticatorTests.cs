using Swarm.Application.Security;
using Swarm.Tests;

namespace Swarm.Application.Tests;

public sealed class BearerTokenAuthenticatorTests
{
    readonly BearerTokenAuthenticator authenticator = TestAuthenticators.For(TestSettings.Load());

    [Fact]
    public async Task A_valid_token_yields_its_roles_permissions()
    {
        var outcome = await authenticator.AuthenticateAsync("Bearer " + Tokens.Signed(["viewer"]));

        Assert.NotNull(outcome.Principal);
        Assert.Equal("tester", outcome.Principal.Subject);
        Assert.True(outcome.Principal.Has(Permissions.TasksRead));
        Assert.False(outcome.Principal.Has(Permissions.TasksSubmit));
    }

    [Fact]
    public async Task A_token_minted_by_the_token_issuer_is_accepted()
    {
        var settings = TestSettings.Load();
        var token = TokenIssuer.Mint(settings.Security.Jwt, "dev", ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);

        var outcome = await authenticator.AuthenticateAsync("Bearer " + token);

        Assert.True(outcome.Principal?.Has(Permissions.AuditRead));
    }

    public static TheoryData<string, string> BadCredentials => new()
    {
        { "", "No credentials" },
        { "Basic dXNlcjpwYXNz", "Bearer or ApiKey scheme" },
        { "Bearer not-a-jwt", "not valid" },
        { "Bearer " + Tokens.Signed(["admin"], expires: DateTime.UtcNow.AddMinutes(-5), notBefore: DateTime.UtcNow.AddMinutes(-30)), "expired" },
        { "Bearer " + Tokens.Signed(["admin"], notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(30)), "not valid yet" },
        { "Bearer " + Tokens.Signed(["admin"], issuer: "someone-else"), "issuer" },
        { "Bearer " + Tokens.Signed(["admin"], audience: "another-api"), "audience" },
        { "Bearer " + Tokens.Signed(["admin"], secret: "a-different-secret-that-is-also-long-enough-000"), "signature" },
        { "Bearer " + Tokens.Unsigned(), "not valid" },
        { "Bearer " + Tokens.Signed(["agent"]), "only for agent credentials" },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Bad_credentials_yield_no_principal_and_a_reason(string header, string reason)
    {
        var outcome = await authenticator.AuthenticateAsync(header);

        Assert.Null(outcome.Principal);
        Assert.Contains(reason, outcome.Failure, StringComparison.Ordinal);
    }
}
