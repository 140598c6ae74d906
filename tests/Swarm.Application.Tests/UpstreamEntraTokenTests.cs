using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Swarm.Application.Realtime;
using Swarm.Tests;

namespace Swarm.Application.Tests;

/// <summary>
/// Web PubSub's Entra token on event-handler requests (access keys off, the hub's handler authenticating with the
/// service's managed identity): RS256 tokens minted by jsonwebtoken (Node), keys served by an OpenID Connect authority
/// on loopback, as Entra ID serves them.
/// </summary>
public sealed class UpstreamEntraTokenTests : IAsyncLifetime
{
    const string Audience = "api://swarm-events";
    const string ServiceIdentity = "6f1d7c1e-2a8b-4c55-9a0e-3f1b2c4d5e6f";
    const string ConnectionId = "conn-1";
    static readonly string AccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    FakeOpenIdAuthority authority = null!;

    public async Task InitializeAsync() => authority = await FakeOpenIdAuthority.StartAsync();

    public async Task DisposeAsync() => await authority.DisposeAsync();

    UpstreamRequestAuthenticator Authenticator(string? accessKey = null) => new(TestSettings.Load(
        ("realtime:endpoint", "https://swarm-test.webpubsub.azure.com"),
        ("realtime:accessKey", accessKey),
        ("realtime:upstreamAudience", Audience),
        ("realtime:upstreamAuthority", authority.Address),
        ("realtime:upstreamCallerIds:0", ServiceIdentity)));

    object Claims(string? audience = Audience, string? issuer = null, string oid = ServiceIdentity, int expiresInMinutes = 5) => new
    {
        iss = issuer ?? authority.Address,
        aud = audience,
        oid,
        sub = oid,
        exp = NodeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(expiresInMinutes)),
        nbf = NodeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(-10)),
    };

    async Task<string> PublishedTokenAsync(object claims, string kid)
    {
        var minted = await NodeJwt.MintAsync(new { alg = "RS256", kid, claims });
        authority.Publish(minted.Jwk!.Value);
        return minted.Token;
    }

    Task<string?> RefusalAsync(string token, UpstreamRequestAuthenticator? authenticator = null) =>
        (authenticator ?? Authenticator()).RefusalAsync(ConnectionId, null, "Bearer " + token, CancellationToken.None);

    [Fact]
    public async Task The_services_token_for_our_audience_is_accepted()
    {
        var token = await PublishedTokenAsync(Claims(), "wps-1");

        Assert.Null(await RefusalAsync(token));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = await PublishedTokenAsync(Claims(audience: "api://someone-else"), "wps-2");

        Assert.Equal("The token's audience is not accepted.", await RefusalAsync(token));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await PublishedTokenAsync(Claims(expiresInMinutes: -5), "wps-3");

        Assert.Equal("The token has expired.", await RefusalAsync(token));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var token = await PublishedTokenAsync(Claims(issuer: "https://sts.windows.net/another-tenant/"), "wps-4");

        Assert.Equal("The token's issuer is not accepted.", await RefusalAsync(token));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        static string Part(object value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        var unsigned = Part(new { alg = "none", typ = "JWT" }) + "." + Part(Claims()) + ".";

        var refusal = await RefusalAsync(unsigned);

        Assert.NotNull(refusal);
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_authority_does_not_publish_is_refused()
    {
        var minted = await NodeJwt.MintAsync(new { alg = "RS256", kid = "unpublished", claims = Claims() });

        Assert.Equal("The token's signature is not valid.", await RefusalAsync(minted.Token));
    }

    [Fact]
    public async Task A_token_for_our_audience_held_by_another_principal_is_refused()
    {
        var token = await PublishedTokenAsync(Claims(oid: "0b5e1f5c-0000-4000-8000-000000000001"), "wps-5");

        Assert.Equal("The token is not the Web PubSub service's own (its 'oid' is not a configured realtime:upstreamCallerIds).", await RefusalAsync(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_request_without_a_bearer_token_is_refused(string? header)
    {
        var refusal = await Authenticator().RefusalAsync(ConnectionId, null, header, CancellationToken.None);

        Assert.Equal("The request carries no Entra token ('Authorization: Bearer <token>').", refusal);
    }

    [Fact]
    public async Task With_a_key_and_an_audience_configured_both_the_signature_and_the_token_are_required()
    {
        var token = await PublishedTokenAsync(Claims(), "wps-6");
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AccessKey), Encoding.UTF8.GetBytes(ConnectionId)));
        var authenticator = Authenticator(AccessKey);

        Assert.Null(await authenticator.RefusalAsync(ConnectionId, signature, "Bearer " + token, CancellationToken.None));
        Assert.Equal("The request is not signed (ce-signature).", await authenticator.RefusalAsync(ConnectionId, null, "Bearer " + token, CancellationToken.None));
        Assert.NotNull(await authenticator.RefusalAsync(ConnectionId, signature, null, CancellationToken.None));
    }
}
