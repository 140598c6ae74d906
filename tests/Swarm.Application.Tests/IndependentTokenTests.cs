using Swarm.Application.Security;
using Swarm.Tests;

namespace Swarm.Application.Tests;

/// <summary>The validator against tokens it did not make: jsonwebtoken (Node) tokens, and an OpenID Connect authority's keys.</summary>
public sealed class IndependentTokenTests : IAsyncLifetime
{
    const string ApiAudience = "api://swarm";
    FakeOpenIdAuthority authority = null!;

    public async Task InitializeAsync() => authority = await FakeOpenIdAuthority.StartAsync();

    public async Task DisposeAsync() => await authority.DisposeAsync();

    static BearerTokenAuthenticator Authenticator(params (string Key, string? Value)[] settings) => TestAuthenticators.For(TestSettings.Load(settings));

    BearerTokenAuthenticator WithAuthority() => Authenticator(
        ("security:jwt:authority", authority.Address),
        ("security:jwt:authorityAudience", ApiAudience),
        ("security:jwt:requireHttpsMetadata", "false"));

    static object Claims(string issuer, string audience, string[] roles) => new
    {
        sub = "node-user",
        iss = issuer,
        aud = audience,
        roles,
        exp = NodeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(5)),
        nbf = NodeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(-1)),
    };

    [Fact]
    public async Task An_hs256_token_from_jsonwebtoken_is_accepted()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "HS256", secret = TestSettings.Secret, claims = Claims("swarm", "swarm-api", ["operator"]) });

        var outcome = await Authenticator().AuthenticateAsync("Bearer " + minted.Token);

        Assert.Equal("node-user", outcome.Principal?.Subject);
        Assert.True(outcome.Principal!.Has(Permissions.TasksSubmit));
    }

    [Fact]
    public async Task A_jsonwebtoken_token_signed_with_another_secret_is_refused()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "HS256", secret = "some-other-secret-of-sufficient-length-000", claims = Claims("swarm", "swarm-api", ["admin"]) });

        var outcome = await Authenticator().AuthenticateAsync("Bearer " + minted.Token);

        Assert.Null(outcome.Principal);
    }

    [Fact]
    public async Task An_rs256_token_from_the_configured_authority_is_accepted_with_keys_from_its_metadata()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "RS256", kid = "key-1", claims = Claims(authority.Address, ApiAudience, ["viewer"]) });
        authority.Publish(minted.Jwk!.Value);

        var outcome = await WithAuthority().AuthenticateAsync("Bearer " + minted.Token);

        Assert.Null(outcome.Failure);
        Assert.True(outcome.Principal!.Has(Permissions.TasksRead));
    }

    [Fact]
    public async Task An_authority_token_for_another_audience_is_refused()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "RS256", kid = "key-2", claims = Claims(authority.Address, "api://someone-else", ["admin"]) });
        authority.Publish(minted.Jwk!.Value);

        var outcome = await WithAuthority().AuthenticateAsync("Bearer " + minted.Token);

        Assert.Null(outcome.Principal);
        Assert.Contains("audience", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hs256_signed_with_the_authoritys_public_key_is_refused()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "HS256", useRsaPublicKeyAsSecret = true, kid = "key-3", claims = Claims(authority.Address, ApiAudience, ["admin"]) });
        authority.Publish(minted.Jwk!.Value);
        var authenticator = WithAuthority();
        await AssertAuthorityServesKeysAsync(authenticator);

        var outcome = await authenticator.AuthenticateAsync("Bearer " + minted.Token);

        Assert.Null(outcome.Principal);
        Assert.Contains("signature", outcome.Failure, StringComparison.Ordinal);
    }

    /// <summary>A refusal proves something only if a good token from the same authority is accepted at the same moment.</summary>
    async Task AssertAuthorityServesKeysAsync(BearerTokenAuthenticator authenticator)
    {
        var good = await NodeJwt.MintAsync(new { alg = "RS256", kid = "key-good", claims = Claims(authority.Address, ApiAudience, ["viewer"]) });
        authority.Publish(good.Jwk!.Value);
        Assert.NotNull((await authenticator.AuthenticateAsync("Bearer " + good.Token)).Principal);
    }

    [Fact]
    public async Task An_rs256_token_claiming_this_swarm_as_issuer_is_refused()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "RS256", kid = "key-4", claims = Claims("swarm", "swarm-api", ["admin"]) });
        authority.Publish(minted.Jwk!.Value);
        var authenticator = WithAuthority();
        await AssertAuthorityServesKeysAsync(authenticator);

        var outcome = await authenticator.AuthenticateAsync("Bearer " + minted.Token);

        Assert.Null(outcome.Principal);
        Assert.Contains("signature", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_authority_is_refused_outside_development()
    {
        var error = Assert.Throws<Swarm.Application.Configuration.SwarmConfigurationException>(() => TestSettings.Load(
            ("system:environment", "production"),
            ("security:jwt:authority", "http://login.example.test/tenant"),
            ("security:jwt:authorityAudience", ApiAudience),
            ("security:jwt:requireHttpsMetadata", "false")));

        Assert.Contains("security:jwt:requireHttpsMetadata", error.Message, StringComparison.Ordinal);
    }
}
