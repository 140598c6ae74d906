namespace Swarm.Application.Realtime;

/// <summary>
/// The real-time service's own view of its traffic (connections, groups, frames each way), where the host runs the
/// service itself: the local stand-in. In Azure there is none here; Web PubSub's metrics are in Azure Monitor.
/// </summary>
public interface IChannelServiceStatistics
{
    ChannelServiceSnapshot Snapshot();
}
