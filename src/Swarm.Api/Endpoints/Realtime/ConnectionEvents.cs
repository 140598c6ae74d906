using Microsoft.DurableTask.Client;
using Swarm.Application.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>Web PubSub's <c>connected</c> and <c>disconnected</c> events: counted, and recorded as the agent's presence.</summary>
public sealed class ConnectionEvents(RealtimeTraffic traffic)
{
    public Task OpenedAsync(ApiRequest request, string connectionId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        traffic.Connected();
        return Task.CompletedTask;
    }

    public Task ClosedAsync(ApiRequest request, string connectionId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        traffic.Disconnected();
        return Task.CompletedTask;
    }
}
