using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class PresenceTests
{
    static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_connection_reported_twice_is_one_connection()
    {
        var presence = new Presence().Connect("c1", T0).Connect("c1", T0.AddSeconds(1));

        Assert.True(presence.IsConnected);
        Assert.Single(presence.Connections);
        Assert.Equal(T0.AddSeconds(1), presence.LastConnectedAt);
    }

    [Fact]
    public void A_disconnect_that_arrives_before_its_connect_leaves_the_connection_closed()
    {
        var presence = new Presence().Disconnect("c1", T0.AddSeconds(5)).Connect("c1", T0);

        Assert.False(presence.IsConnected);
        Assert.Empty(presence.Connections);
        Assert.Equal(T0, presence.LastConnectedAt);
        Assert.Equal(T0.AddSeconds(5), presence.LastDisconnectedAt);
    }

    [Fact]
    public void Closing_one_of_two_connections_keeps_the_agent_connected_and_a_repeated_close_changes_nothing()
    {
        var open = new Presence().Connect("c1", T0).Connect("c2", T0.AddSeconds(1));

        var closed = open.Disconnect("c1", T0.AddSeconds(2));
        var again = closed.Disconnect("c1", T0.AddSeconds(2));

        Assert.True(closed.IsConnected);
        Assert.Equal(new[] { "c2" }, closed.Connections.Select(c => c.Id));
        Assert.Equal(closed, again, PresenceComparer.Instance);
        Assert.False(again.Disconnect("c2", T0.AddSeconds(3)).IsConnected);
    }

    [Fact]
    public void Every_order_of_the_same_reports_ends_in_the_same_presence()
    {
        Func<Presence, Presence>[] reports =
        [
            p => p.Connect("c1", T0),
            p => p.Disconnect("c1", T0.AddSeconds(10)),
            p => p.Connect("c2", T0.AddSeconds(20)),
            p => p.Heartbeat(T0.AddSeconds(25), "ready"),
            p => p.Heartbeat(T0.AddSeconds(15), "starting"),
        ];

        var outcomes = Permutations(reports).Select(order => order.Aggregate(new Presence(), (p, report) => report(p))).ToList();

        Assert.All(outcomes, p => Assert.Equal(outcomes[0], p, PresenceComparer.Instance));
        Assert.Equal(new[] { "c2" }, outcomes[0].Connections.Select(c => c.Id));
        Assert.Equal(T0.AddSeconds(25), outcomes[0].LastHeartbeatAt);
        Assert.Equal("ready", outcomes[0].ReportedStatus);
        Assert.Equal(T0.AddSeconds(20), outcomes[0].LastConnectedAt);
        Assert.Equal(T0.AddSeconds(10), outcomes[0].LastDisconnectedAt);
    }

    [Fact]
    public void A_heartbeat_older_than_the_latest_changes_nothing()
    {
        var presence = new Presence().Heartbeat(T0.AddSeconds(10), "busy").Heartbeat(T0, "stale");

        Assert.Equal(T0.AddSeconds(10), presence.LastHeartbeatAt);
        Assert.Equal("busy", presence.ReportedStatus);
    }

    [Fact]
    public void The_heartbeat_is_overdue_only_after_two_intervals_without_one()
    {
        var presence = new Presence().Heartbeat(T0, null);

        Assert.False(presence.IsHeartbeatOverdue(T0 + (Interval * 2), Interval));
        Assert.True(presence.IsHeartbeatOverdue(T0 + (Interval * 2) + TimeSpan.FromSeconds(1), Interval));
    }

    [Fact]
    public void A_fresh_connection_counts_as_a_sign_of_life_and_an_agent_never_seen_is_not_overdue()
    {
        var late = T0.AddMinutes(10);
        var connected = new Presence().Heartbeat(T0, null).Connect("c1", late);

        Assert.False(connected.IsHeartbeatOverdue(late.AddSeconds(30), Interval));
        Assert.True(connected.IsHeartbeatOverdue(late.AddSeconds(61), Interval));
        Assert.False(new Presence().IsHeartbeatOverdue(late, Interval));
    }

    [Fact]
    public void Connections_are_bounded_so_lost_disconnects_cannot_grow_the_record()
    {
        var presence = Enumerable.Range(0, Presence.MaxConnections + 10)
            .Aggregate(new Presence(), (p, i) => p.Connect("c" + i, T0.AddSeconds(i)).Disconnect("old" + i, T0.AddSeconds(i)));

        Assert.Equal(Presence.MaxConnections, presence.Connections.Count);
        Assert.Equal(Presence.MaxConnections, presence.Closed.Count);
        Assert.DoesNotContain(presence.Connections, c => c.Id == "c0");
        Assert.Contains(presence.Connections, c => c.Id == "c" + (Presence.MaxConnections + 9));
    }

    static IEnumerable<T[]> Permutations<T>(T[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items.Where((_, j) => j != i)]).Select(rest => (T[])[item, .. rest]));

    /// <summary>Presence by what it says (the lists by their ids, in any order), not by reference of its lists.</summary>
    sealed class PresenceComparer : IEqualityComparer<Presence>
    {
        public static readonly PresenceComparer Instance = new();

        public bool Equals(Presence? x, Presence? y) =>
            x is not null && y is not null
            && x.Connections.Select(c => c.Id).Order().SequenceEqual(y.Connections.Select(c => c.Id).Order())
            && x.Closed.Select(c => c.Id).Order().SequenceEqual(y.Closed.Select(c => c.Id).Order())
            && x.LastConnectedAt == y.LastConnectedAt
            && x.LastDisconnectedAt == y.LastDisconnectedAt
            && x.LastHeartbeatAt == y.LastHeartbeatAt
            && x.ReportedStatus == y.ReportedStatus;

        public int GetHashCode(Presence obj) => 0;
    }
}
