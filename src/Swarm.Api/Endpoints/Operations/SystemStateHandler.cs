using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Scaling;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Agents;
using Swarm.Application.Configuration;
using Swarm.Application.Health;
using Swarm.Application.Tasks;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// <c>GET /api/v1/system/state</c>: the swarm at a glance: its settings, the agents by lifecycle and type, the task
/// queue, autoscaling with its latest decisions, the real-time channel, the learning policy the dispatch board routes by
/// (<see cref="LearningStatus"/>), agents' presence on it (<see cref="PresenceSummary"/>),
/// this instance's latest health probe, and each dispatch shard's load (<see cref="DispatchStatus"/>).
/// </summary>
public sealed class SystemStateHandler(SwarmSettings settings, IAgentListing agents, ITaskListing tasks, LatestHealth health, TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var system = settings.System;
        var shardBoards = await new DispatcherClient(durable, settings.Dispatch.Shards).GetShardBoardsAsync(cancellationToken);
        var board = ShardedBoard.Merge(shardBoards);
        return ApiResponse.Ok(new SystemStateView(
            new SystemSummary(system.Name, system.Version, system.Environment, system.MaxAgents, system.AutoScaling),
            await agents.CountAsync(cancellationToken),
            await TaskQueueView.ReadAsync(tasks, durable, scope: null, settings.Dispatch.Shards, cancellationToken),
            await ScalingView.ReadAsync(settings, durable, cancellationToken),
            RealtimeStatus.Of(settings.Realtime),
            LearningStatus.Of(board),
            PresenceSummary.From(
                board,
                await new PresenceClient(durable).GetAllAsync(cancellationToken),
                time.GetUtcNow(),
                settings.Realtime.HeartbeatInterval),
            new HealthProbeView(health.Report),
            InstanceSnapshot.Now(time),
            DispatchStatus.Of(shardBoards)));
    }
}
