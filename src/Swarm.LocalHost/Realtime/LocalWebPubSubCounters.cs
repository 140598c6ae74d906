using System.Collections.Concurrent;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// What the stand-in has carried since the host started, for the system metrics: client frames by kind (<c>message</c>
/// for a plain client's frame, else the subprotocol request's type, <c>invalid</c> and <c>tooLarge</c> for refused ones),
/// frames sent by kind, and event handler deliveries that failed.
/// </summary>
public sealed class LocalWebPubSubCounters
{
    readonly ConcurrentDictionary<string, long> framesIn = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, long> framesOut = new(StringComparer.Ordinal);
    long deliveryFailures;
    long droppedSends;

    public void FrameIn(string kind) => framesIn.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void FrameOut(string kind) => framesOut.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void DeliveryFailed() => Interlocked.Increment(ref deliveryFailures);

    public void SendDropped() => Interlocked.Increment(ref droppedSends);

    public LocalWebPubSubSnapshot Snapshot(int openConnections, IReadOnlyDictionary<string, int> groups) => new(
        openConnections,
        groups,
        new SortedDictionary<string, long>(framesIn, StringComparer.Ordinal),
        new SortedDictionary<string, long>(framesOut, StringComparer.Ordinal),
        Interlocked.Read(ref deliveryFailures),
        Interlocked.Read(ref droppedSends));
}

/// <summary>The stand-in at one moment, read-only.</summary>
/// <param name="OpenConnections">Connections open now.</param>
/// <param name="Groups">Each group that has members now, with how many connections.</param>
/// <param name="FramesIn">Client frames received, by kind (<c>message</c>, <c>joinGroup</c>, <c>leaveGroup</c>, <c>sendToGroup</c>, <c>event</c>, <c>sequenceAck</c>, <c>ping</c>, <c>invalid</c>, <c>tooLarge</c>, or another type a newer client sent).</param>
/// <param name="FramesOut">Frames sent to clients, by kind (<c>user</c>, <c>connection</c>, <c>group</c>, <c>all</c> for REST sends, <c>reply</c> for an event handler's answer, <c>groupPublish</c> for a client's group message, <c>ack</c>, <c>system</c>, <c>pong</c>).</param>
/// <param name="DeliveryFailures">Events the event handler did not take: it threw, did not answer in time, or answered a failure.</param>
/// <param name="DroppedSends">Frames a client did not take in time (its connection was dropped).</param>
public sealed record LocalWebPubSubSnapshot(
    int OpenConnections,
    IReadOnlyDictionary<string, int> Groups,
    IReadOnlyDictionary<string, long> FramesIn,
    IReadOnlyDictionary<string, long> FramesOut,
    long DeliveryFailures,
    long DroppedSends);
