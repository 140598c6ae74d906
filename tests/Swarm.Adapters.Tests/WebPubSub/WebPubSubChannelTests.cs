using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Adapters.WebPubSub;
using Swarm.Application.Configuration;
using Swarm.Workflows.Realtime;

namespace Swarm.Adapters.Tests.WebPubSub;

/// <summary>The managed-identity path, which only Azure can run for real: what happens when the identity fails or hangs.</summary>
public sealed class WebPubSubChannelTests
{
    static readonly RealtimeSettings WithoutKey = new() { Endpoint = "https://swarm.webpubsub.azure.com" };

    [Fact]
    public async Task A_notice_whose_identity_fails_is_dropped_not_thrown()
    {
        using var channel = new WebPubSubChannel(WithoutKey, TimeProvider.System, new FailingCredential());

        var sent = await channel.TrySendAsync(RealtimeEvents.Finished("someone", "task-1", "completed"), NullLogger.Instance);

        Assert.False(sent);
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => channel.SendToUserAsync("someone", "{}", CancellationToken.None));
    }

    [Fact]
    public async Task A_call_whose_identity_never_answers_ends_at_the_call_limit()
    {
        using var channel = new WebPubSubChannel(WithoutKey, TimeProvider.System, new HangingCredential());

        var sending = channel.SendToUserAsync("someone", "{}", CancellationToken.None);
        var ended = await Task.WhenAny(sending, Task.Delay(WebPubSubChannel.CallLimit * 2));

        Assert.Same(sending, ended);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    sealed class FailingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("no managed identity here");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("no managed identity here");
    }

    sealed class HangingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return default;
        }
    }
}
