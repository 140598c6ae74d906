using Swarm.Application.Realtime;
using Swarm.Application.Security;
using Swarm.Application.Security.ApiKeys;
using Swarm.Tests;

namespace Swarm.Application.Tests;

/// <summary>
/// Who a real-time connection acts as: decided from the negotiated ticket, which admits a connection only within its
/// minute, while the connection then acts as long as the credential the ticket came from, and no longer.
/// </summary>
public sealed class ChannelIdentityTests
{
    static readonly Swarm.Application.Configuration.SwarmSettings Settings = TestSettings.Load();

    [Fact]
    public async Task A_connection_acts_past_its_tickets_minute_until_the_persons_token_ends()
    {
        var tokenEnds = DateTimeOffset.UtcNow.AddHours(1);
        var person = await AuthenticateAsync(Tokens.Signed(["operator"], expires: tokenEnds.UtcDateTime));
        var ticket = ChannelTickets.Mint(Settings.Security.Jwt, person, TimeSpan.FromMinutes(1), TimeProvider.System);

        var admitted = await Identities(TimeProvider.System).AtConnectAsync(ticket, null, null, null, CancellationToken.None);
        var state = Identities(TimeProvider.System).Seal("conn-1", admitted.Principal!);
        var fiveMinutesOn = await Identities(new Shifted(TimeSpan.FromMinutes(5))).ForEventAsync(state, "conn-1", CancellationToken.None);
        var twoHoursOn = await Identities(new Shifted(TimeSpan.FromHours(2))).ForEventAsync(state, "conn-1", CancellationToken.None);

        Assert.Equal(tokenEnds.ToUnixTimeSeconds(), admitted.Principal!.ExpiresAt!.Value.ToUnixTimeSeconds());
        Assert.Equal(person.Subject, fiveMinutesOn.Principal?.Subject);
        Assert.Null(twoHoursOn.Principal);
        Assert.Contains("expired", twoHoursOn.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_is_for_the_channel_alone_and_a_rest_token_is_no_ticket()
    {
        var person = await AuthenticateAsync(Tokens.Signed(["admin"]));
        var ticket = ChannelTickets.Mint(Settings.Security.Jwt, person, TimeSpan.FromMinutes(1), TimeProvider.System);
        var authenticator = TestAuthenticators.For(Settings);

        Assert.Null((await authenticator.AuthenticateAsync("Bearer " + ticket)).Principal);
        Assert.Null((await authenticator.AuthenticateChannelTicketAsync(Tokens.Signed(["admin"]), CancellationToken.None)).Principal);
        Assert.NotNull((await authenticator.AuthenticateChannelTicketAsync(ticket, CancellationToken.None)).Principal);
    }

    [Fact]
    public void A_sealed_grant_opens_only_for_its_own_connection_and_unaltered()
    {
        var principal = new SwarmPrincipal("someone", ["viewer"], new HashSet<string>(), ExpiresAt: null);
        var state = Identities(TimeProvider.System).Seal("conn-a", principal);
        var tampered = Convert.ToBase64String(Convert.FromBase64String(state).Select((b, i) => i == 40 ? (byte)(b ^ 1) : b).ToArray());

        Assert.NotNull(ConnectionGrant.Open(Settings.Security.Jwt, state, "conn-a"));
        Assert.Null(ConnectionGrant.Open(Settings.Security.Jwt, state, "conn-b"));
        Assert.Null(ConnectionGrant.Open(Settings.Security.Jwt, tampered, "conn-a"));
        Assert.Null(ConnectionGrant.Open(Settings.Security.Jwt, "not base64 at all", "conn-a"));
    }

    static async Task<SwarmPrincipal> AuthenticateAsync(string token) =>
        (await TestAuthenticators.For(Settings).AuthenticateAsync("Bearer " + token)).Principal!;

    static ChannelIdentities Identities(TimeProvider time) =>
        new(TestAuthenticators.For(Settings), new ApiKeyService(new NoKeys(), time), new RoleGrants(Settings), Settings, time);

    sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }

    /// <summary>No API keys: the people's connections here never reach the key store.</summary>
    sealed class NoKeys : IApiKeyStore
    {
        public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) => Task.FromResult<ApiKeyRecord?>(null);

        public Task<bool> RevokeAsync(string agentId, string keyId, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<int> RevokeAllAsync(string agentId, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
