using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Scaling;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Agents;
using Swarm.Application.Configuration;
using Swarm.Application.Health;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// <c>GET /api/v1/system/state</c>: the swarm at a glance: its settings, the agents by lifecycle and type, the task
/// queue, autoscaling with its latest decisions, the real-time channel, the learning policy the dispatch board routes by
/// (<see cref="LearningStatus"/>), agents' presence on it (<see cref="PresenceSummary"/>),
/// and this instance's latest health probe.
/// </summary>
public sealed class SystemStateHandler(SwarmSettings settings, IAgentListing agents, LatestHealth health, TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var system = settings.System;
        var board = await new DispatcherClient(durable).GetBoardAsync(cancellationToken);
        return ApiResponse.Ok(new
        {
            system = new { name = system.Name, version = system.Version, environment = system.Environment, maxAgents = system.MaxAgents, autoScaling = system.AutoScaling },
            agents = await agents.CountAsync(cancellationToken),
            queue = await TaskQueueView.ReadAsync(durable, scope: null, cancellationToken),
            scaling = await ScalingView.ReadAsync(settings, durable, cancellationToken),
            realtime = RealtimeStatus.Of(settings.Realtime),
            learning = LearningStatus.Of(board),
            presence = PresenceSummary.From(
                board,
                await new PresenceClient(durable).GetAllAsync(cancellationToken),
                time.GetUtcNow(),
                settings.Realtime.HeartbeatInterval),
            lastHealthProbe = new { report = health.Report },
            instance = InstanceSnapshot.Now(time),
        });
    }
}
