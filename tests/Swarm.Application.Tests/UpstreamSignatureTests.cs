using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Swarm.Application.Realtime;
using Swarm.Tests;

namespace Swarm.Application.Tests;

/// <summary>
/// Web PubSub's signature on event-handler requests (<c>ce-signature</c>) and its abuse-protection handshake, checked
/// against requests signed by an independent implementation (Node's crypto, as the service documents the rule) and
/// carried through the vendor's own event-handler middleware (<c>@azure/web-pubsub-express</c>).
/// </summary>
public sealed class UpstreamSignatureTests
{
    const string Endpoint = "https://Swarm-Test.webpubsub.azure.com";
    const string Hub = "swarm";
    const string ConnectionId = "0f9c97a2f0bf4706afe87a14e0797b11";

    // Shaped like Web PubSub's keys (44 base64 characters), which the vendor's SDKs use as UTF-8 text, not decoded bytes.
    static readonly string PrimaryKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    static readonly string SecondaryKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    static readonly string OtherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    static UpstreamRequestAuthenticator Authenticator(string? accessKey, string? secondaryKey = null, string endpoint = Endpoint) =>
        new(TestSettings.Load(("realtime:endpoint", endpoint), ("realtime:accessKey", accessKey), ("realtime:secondaryAccessKey", secondaryKey)));

    sealed record VendorRun(string? AllowedOrigin, int PreflightStatus, string ConnectionId, string Signature, string Origin);

    /// <summary>Signs a connect event as the service does and posts it, with a preflight, to the vendor's event handler configured for <paramref name="endpoint"/>.</summary>
    static async Task<VendorRun> ThroughTheVendorsHandlerAsync(string endpoint, string origin, string connectionId, params string[] keys)
    {
        var output = await NodeScript.RunAsync("web-pubsub-upstream.mjs", JsonSerializer.Serialize(new { endpoint, hub = Hub, origin, connectionId, accessKeys = keys }));
        var root = JsonDocument.Parse(output).RootElement;
        var signed = root.GetProperty("signed");
        return new VendorRun(
            root.GetProperty("allowedOrigin").GetString(),
            root.GetProperty("preflightStatus").GetInt32(),
            signed.GetProperty("connectionId").GetString()!,
            signed.GetProperty("signature").GetString()!,
            signed.GetProperty("origin").GetString()!);
    }

    [Fact]
    public async Task A_request_the_service_signed_with_the_access_key_is_accepted_as_the_vendors_handler_receives_it()
    {
        var vendor = await ThroughTheVendorsHandlerAsync(Endpoint, "swarm-test.webpubsub.azure.com", ConnectionId, PrimaryKey);

        var refusal = await Authenticator(PrimaryKey).RefusalAsync(vendor.ConnectionId, vendor.Signature, null, CancellationToken.None);

        Assert.Equal(ConnectionId, vendor.ConnectionId);
        Assert.Null(refusal);
    }

    [Fact]
    public async Task A_request_signed_with_both_service_keys_is_accepted_with_either_one_configured()
    {
        var vendor = await ThroughTheVendorsHandlerAsync(Endpoint, "swarm-test.webpubsub.azure.com", ConnectionId, PrimaryKey, SecondaryKey);

        Assert.Null(await Authenticator(PrimaryKey).RefusalAsync(vendor.ConnectionId, vendor.Signature, null, CancellationToken.None));
        Assert.Null(await Authenticator(SecondaryKey).RefusalAsync(vendor.ConnectionId, vendor.Signature, null, CancellationToken.None));
    }

    [Fact]
    public async Task After_the_primary_key_is_regenerated_the_configured_secondary_key_still_matches()
    {
        // The service now signs with a fresh primary and the old secondary; the app still holds the old pair.
        var vendor = await ThroughTheVendorsHandlerAsync(Endpoint, "swarm-test.webpubsub.azure.com", ConnectionId, OtherKey, SecondaryKey);

        Assert.Null(await Authenticator(PrimaryKey, SecondaryKey).RefusalAsync(vendor.ConnectionId, vendor.Signature, null, CancellationToken.None));
        Assert.NotNull(await Authenticator(PrimaryKey).RefusalAsync(vendor.ConnectionId, vendor.Signature, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_request_signed_with_another_key_is_refused_without_naming_any_key()
    {
        var vendor = await ThroughTheVendorsHandlerAsync(Endpoint, "swarm-test.webpubsub.azure.com", ConnectionId, OtherKey);

        var refusal = await Authenticator(PrimaryKey, SecondaryKey).RefusalAsync(vendor.ConnectionId, vendor.Signature, null, CancellationToken.None);

        Assert.Equal("The request's ce-signature matches none of the configured access keys.", refusal);
        Assert.DoesNotContain(PrimaryKey, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondaryKey, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_replayed_with_another_connection_id_is_refused()
    {
        var vendor = await ThroughTheVendorsHandlerAsync(Endpoint, "swarm-test.webpubsub.azure.com", ConnectionId, PrimaryKey);

        var refusal = await Authenticator(PrimaryKey).RefusalAsync(ConnectionId + "0", vendor.Signature, null, CancellationToken.None);

        Assert.NotNull(refusal);
    }

    [Theory]
    [InlineData(null, "The request is not signed (ce-signature).")]
    [InlineData("", "The request is not signed (ce-signature).")]
    [InlineData("sha256=not-hex", "The request's ce-signature matches none of the configured access keys.")]
    [InlineData("md5=0123456789abcdef0123456789abcdef", "The request's ce-signature matches none of the configured access keys.")]
    [InlineData("sha256=,sha256=,sha256=,sha256=,sha256=,sha256=,sha256=,sha256=,sha256=", "The request's ce-signature carries more than 8 signatures.")]
    public async Task A_missing_or_malformed_signature_is_refused(string? header, string expected)
    {
        var refusal = await Authenticator(PrimaryKey).RefusalAsync(ConnectionId, header, null, CancellationToken.None);

        Assert.Equal(expected, refusal);
    }

    [Fact]
    public async Task A_request_without_a_connection_id_is_refused_however_it_is_signed()
    {
        var refusal = await Authenticator(PrimaryKey).RefusalAsync(null, "sha256=" + Hex(PrimaryKey, ""), null, CancellationToken.None);

        Assert.Equal("The request names no connection (ce-connectionId), so its signature cannot be checked.", refusal);
    }

    [Fact]
    public async Task Upper_case_hex_as_the_vendors_dotnet_sdk_writes_it_is_accepted()
    {
        // Microsoft.Azure.WebPubSub.AspNetCore compares "sha256=" + BitConverter hex (upper case) ignoring case.
        var signature = "SHA256=" + Hex(PrimaryKey, ConnectionId).ToUpperInvariant();

        Assert.Null(await Authenticator(PrimaryKey).RefusalAsync(ConnectionId, signature, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_bearer_token_is_not_asked_for_when_only_a_key_is_configured()
    {
        var refusal = await Authenticator(PrimaryKey).RefusalAsync(ConnectionId, "sha256=" + Hex(PrimaryKey, ConnectionId), authorizationHeader: null, CancellationToken.None);

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(Endpoint, "swarm-test.webpubsub.azure.com")]
    [InlineData("http://127.0.0.1:7071", "127.0.0.1:7071")]
    public async Task The_abuse_protection_answer_is_the_one_the_vendors_handler_gives_for_our_endpoint(string endpoint, string origin)
    {
        var vendor = await ThroughTheVendorsHandlerAsync(endpoint, origin, ConnectionId, PrimaryKey);

        var ours = Authenticator(PrimaryKey, endpoint: endpoint).AllowedOrigin(origin);

        Assert.Equal(200, vendor.PreflightStatus);
        Assert.Equal(vendor.AllowedOrigin, ours);
        Assert.Equal(origin, vendor.Origin);
    }

    [Theory]
    [InlineData("SWARM-TEST.webpubsub.azure.com", "swarm-test.webpubsub.azure.com")]
    [InlineData("swarm-test.webpubsub.azure.com:443", null)]
    [InlineData("other.webpubsub.azure.com", null)]
    [InlineData("swarm-test.webpubsub.azure.com.attacker.example", null)]
    [InlineData("*", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_our_endpoints_host_is_allowed_as_a_webhook_origin(string? origin, string? expected)
    {
        Assert.Equal(expected, Authenticator(PrimaryKey).AllowedOrigin(origin));
    }

    [Fact]
    public void The_loopback_stand_in_is_allowed_by_host_or_by_host_and_port()
    {
        var authenticator = Authenticator(PrimaryKey, endpoint: "http://127.0.0.1:7071");

        Assert.Equal("127.0.0.1", authenticator.AllowedOrigin("127.0.0.1"));
        Assert.Equal("127.0.0.1:7071", authenticator.AllowedOrigin("127.0.0.1:7071"));
        Assert.Null(authenticator.AllowedOrigin("127.0.0.1:7072"));
    }

    static string Hex(string key, string connectionId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(connectionId)));
}
