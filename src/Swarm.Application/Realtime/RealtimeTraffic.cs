using System.Collections.Concurrent;

namespace Swarm.Application.Realtime;

/// <summary>
/// The channel's traffic as this host saw it, since it started: frames clients sent (by type) and how they were
/// answered, events the swarm sent (by type) and those the channel did not take, connections opened and closed, group
/// joins and leaves. Per process, like every in-memory counter here: each host of a deployment counts its own share.
/// </summary>
public sealed class RealtimeTraffic
{
    readonly ConcurrentDictionary<string, long> framesIn = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, long> eventsOut = new(StringComparer.Ordinal);
    long acks;
    long errors;
    long deliveryFailures;
    long connected;
    long disconnected;
    long refusedConnections;
    long joins;
    long leaves;

    public void FrameIn(string type) => framesIn.AddOrUpdate(type, 1, (_, n) => n + 1);

    public void Answered(bool ok) => Interlocked.Increment(ref ok ? ref acks : ref errors);

    public void EventOut(string type) => eventsOut.AddOrUpdate(type, 1, (_, n) => n + 1);

    public void DeliveryFailed() => Interlocked.Increment(ref deliveryFailures);

    public void Connected() => Interlocked.Increment(ref connected);

    public void Disconnected() => Interlocked.Increment(ref disconnected);

    public void ConnectionRefused() => Interlocked.Increment(ref refusedConnections);

    public void Joined() => Interlocked.Increment(ref joins);

    public void Left() => Interlocked.Increment(ref leaves);

    public RealtimeTrafficSnapshot Snapshot()
    {
        var opened = Interlocked.Read(ref connected);
        var closed = Interlocked.Read(ref disconnected);
        return new(
            new SortedDictionary<string, long>(framesIn, StringComparer.Ordinal),
            Interlocked.Read(ref acks),
            Interlocked.Read(ref errors),
            new SortedDictionary<string, long>(eventsOut, StringComparer.Ordinal),
            Interlocked.Read(ref deliveryFailures),
            opened,
            closed,
            Math.Max(0, opened - closed),
            Interlocked.Read(ref refusedConnections),
            Interlocked.Read(ref joins),
            Interlocked.Read(ref leaves));
    }
}

/// <param name="FramesIn">Client frames by type (<c>task_result</c>, <c>vote</c>, ...; <c>unknown</c> and <c>malformed</c> for the rest).</param>
/// <param name="Acks">Frames answered with an <c>ack</c>.</param>
/// <param name="Errors">Frames answered with an <c>error</c>.</param>
/// <param name="EventsOut">Messages the swarm sent on the channel, by type.</param>
/// <param name="DeliveryFailures">Sends the channel refused or did not answer.</param>
/// <param name="Open">Connections this host saw open and not yet close (a lower bound when another host saw the close).</param>
public sealed record RealtimeTrafficSnapshot(
    IReadOnlyDictionary<string, long> FramesIn,
    long Acks,
    long Errors,
    IReadOnlyDictionary<string, long> EventsOut,
    long DeliveryFailures,
    long Connected,
    long Disconnected,
    long Open,
    long RefusedConnections,
    long GroupJoins,
    long GroupLeaves);
