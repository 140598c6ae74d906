using System.Collections.Concurrent;
using Swarm.Application.Realtime;

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

    public ChannelServiceSnapshot Snapshot(int openConnections, IReadOnlyDictionary<string, int> groups) => new(
        openConnections,
        groups,
        new SortedDictionary<string, long>(framesIn, StringComparer.Ordinal),
        new SortedDictionary<string, long>(framesOut, StringComparer.Ordinal),
        Interlocked.Read(ref deliveryFailures),
        Interlocked.Read(ref droppedSends));
}
