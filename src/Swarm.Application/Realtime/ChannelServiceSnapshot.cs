namespace Swarm.Application.Realtime;

/// <summary>The real-time service at one moment, as it counts its own traffic (the local stand-in does; Azure's Web PubSub reports to Azure Monitor instead).</summary>
/// <param name="OpenConnections">Connections open now.</param>
/// <param name="Groups">Each group that has members now, with how many connections.</param>
/// <param name="FramesIn">Client frames received, by kind (<c>message</c>, <c>joinGroup</c>, <c>leaveGroup</c>, <c>sendToGroup</c>, <c>event</c>, <c>sequenceAck</c>, <c>ping</c>, <c>invalid</c>, <c>tooLarge</c>, and <c>other</c> for any other type).</param>
/// <param name="FramesOut">Frames sent to clients, by kind (<c>user</c>, <c>connection</c>, <c>group</c>, <c>all</c> for REST sends, <c>reply</c> for an event handler's answer, <c>groupPublish</c> for a client's group message, <c>ack</c>, <c>system</c>, <c>pong</c>).</param>
/// <param name="DeliveryFailures">Events the event handler did not take: it threw, did not answer in time, or answered a failure.</param>
/// <param name="DroppedSends">Frames a client did not take in time (its connection was dropped).</param>
public sealed record ChannelServiceSnapshot(
    int OpenConnections,
    IReadOnlyDictionary<string, int> Groups,
    IReadOnlyDictionary<string, long> FramesIn,
    IReadOnlyDictionary<string, long> FramesOut,
    long DeliveryFailures,
    long DroppedSends);
