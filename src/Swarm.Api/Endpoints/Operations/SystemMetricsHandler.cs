using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Consensus;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Realtime;
using Swarm.Providers;
using Swarm.Workflows.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// <c>GET /api/v1/system/metrics</c>: the numbers in one JSON document: model calls, failures, tokens and cost per
/// provider route and in total, and this process's memory, CPU and threads (both for the instance that answered;
/// the OpenTelemetry export has the model numbers over time, not the process ones), the task queue, and consensus per
/// algorithm (both swarm-wide, from durable state), and the real-time channel's traffic as this instance saw it
/// (<see cref="RealtimeTraffic"/>) and, on the local host, as its Web PubSub stand-in counts it (connections, groups and
/// frames each way; in Azure those are Web PubSub's own metrics, in Azure Monitor); learning (the routing policy, decisions
/// and skill updates by kind, the spread of estimates per capability: <see cref="LearningMetrics"/>), pattern recognition
/// (<see cref="PatternMetrics"/>), people's ratings (<see cref="FeedbackMetrics"/>) and memory (<see cref="MemoryMetrics"/>).
/// </summary>
public sealed class SystemMetricsHandler(Swarm.Application.Configuration.SwarmSettings settings, ProviderCatalog providers, Swarm.Application.Tasks.ITaskListing tasks, RealtimeTraffic traffic, TimeProvider time, IChannelServiceStatistics? channelService = null) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var routes = providers.Report().SelectMany(p => p.Models.Select(m => new
        {
            provider = p.Type,
            model = m.Model,
            calls = m.Calls,
            failures = m.Failures,
            inputTokens = m.InputTokens,
            outputTokens = m.OutputTokens,
            costUsd = m.CostUsd,
            breaker = m.Breaker,
        })).ToList();
        return ApiResponse.Ok(new
        {
            instance = InstanceSnapshot.Now(time),
            models = new
            {
                calls = routes.Sum(r => r.calls),
                failures = routes.Sum(r => r.failures),
                inputTokens = routes.Sum(r => r.inputTokens),
                outputTokens = routes.Sum(r => r.outputTokens),
                costUsd = routes.Sum(r => r.costUsd),
                routes,
            },
            queue = await TaskQueueView.ReadAsync(tasks, durable, scope: null, settings.Dispatch.Shards, cancellationToken),
            consensus = await ConsensusMetrics.ReadAsync(durable, cancellationToken),
            communication = new { swarm = traffic.Snapshot(), channelService = channelService?.Snapshot() },
            learning = LearningMetrics.Read(await new DispatcherClient(durable, settings.Dispatch.Shards).GetBoardAsync(cancellationToken)),
            patterns = await PatternMetrics.ReadAsync(durable, cancellationToken),
            feedback = await FeedbackMetrics.ReadAsync(durable, cancellationToken),
            memory = await MemoryMetrics.ReadAsync(durable, cancellationToken),
        });
    }
}
