using Swarm.Adapters.WebPubSub;
using Swarm.Tests;

namespace Swarm.Adapters.Tests.WebPubSub;

public sealed class WebPubSubAccessTokensTests
{
    const string Key = "web-pubsub-access-key-for-tests-0123456789";
    const string Audience = "http://127.0.0.1:7071/client/hubs/swarm";

    [Fact]
    public async Task A_signed_token_is_valid_for_its_audience_and_names_its_user()
    {
        var token = WebPubSubAccessTokens.Sign(Key, Audience, "agent:ext-1", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);

        var (valid, userId, failure) = await WebPubSubAccessTokens.ValidateAsync(Key, token, [Audience]);

        Assert.True(valid, failure);
        Assert.Equal("agent:ext-1", userId);
    }

    [Fact]
    public async Task Another_key_another_audience_an_expired_token_and_no_token_are_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var otherKey = WebPubSubAccessTokens.Sign(Key.Replace('0', '1'), Audience, "u", TimeSpan.FromMinutes(5), now);
        var otherAudience = WebPubSubAccessTokens.Sign(Key, Audience + "-other", "u", TimeSpan.FromMinutes(5), now);
        var expired = WebPubSubAccessTokens.Sign(Key, Audience, "u", TimeSpan.FromMinutes(5), now.AddHours(-1));

        Assert.False((await WebPubSubAccessTokens.ValidateAsync(Key, otherKey, [Audience])).Valid);
        Assert.False((await WebPubSubAccessTokens.ValidateAsync(Key, otherAudience, [Audience])).Valid);
        Assert.Contains("expired", (await WebPubSubAccessTokens.ValidateAsync(Key, expired, [Audience])).Failure, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no access token", (await WebPubSubAccessTokens.ValidateAsync(Key, null, [Audience])).Failure);
    }

    [Fact]
    public async Task A_token_signed_by_jsonwebtoken_as_the_vendors_sdk_signs_it_is_valid()
    {
        // @azure/web-pubsub signs with jsonwebtoken: HS256, the key's text as the secret, audience and subject.
        var minted = await NodeJwt.MintAsync(new { alg = "HS256", secret = Key, claims = new { }, options = new { audience = Audience, subject = "sdk-user", expiresIn = "1h" } });

        var (valid, userId, failure) = await WebPubSubAccessTokens.ValidateAsync(Key, minted.Token, [Audience]);

        Assert.True(valid, failure);
        Assert.Equal("sdk-user", userId);
    }
}
