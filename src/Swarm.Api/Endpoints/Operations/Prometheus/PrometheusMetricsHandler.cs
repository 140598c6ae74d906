using System.Text;
using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Consensus;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Agents;
using Swarm.Application.Realtime;
using Swarm.Domain.Learning;
using Swarm.Providers;
using Swarm.Workflows.Distribution;

namespace Swarm.Api.Endpoints.Operations.Prometheus;

/// <summary>
/// <c>GET /metrics</c>: the spec's metrics in the Prometheus text format, for a scraper. Two kinds of figure: what
/// this instance counted since it started (<see cref="MeterReadings"/>: model calls, tokens, cost and latency per
/// provider route; API requests by route and status with their latency; tasks submitted; the real-time channel's
/// traffic), and the swarm's state read from durable state at scrape time, the same for every instance (agents by
/// lifecycle and type, unfinished tasks by status and how long the oldest has waited, the dispatcher's line and seats,
/// consensus outcomes per algorithm, memory, learning, patterns and ratings). The same readers serve
/// <c>GET /api/v1/system/metrics</c>, so the two never disagree.
/// </summary>
public sealed class PrometheusMetricsHandler(
    Swarm.Application.Configuration.SwarmSettings settings,
    MeterReadings meters,
    ProviderCatalog providers,
    RealtimeTraffic traffic,
    IAgentListing agents,
    Swarm.Application.Tasks.ITaskListing tasks,
    TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var text = new PrometheusText();
        var now = time.GetUtcNow();
        MeterFamilies.Write(text, meters.Read());
        WriteProviders(text, providers.Report());
        WriteRealtime(text, traffic.Snapshot());
        WriteAgents(text, await agents.CountAsync(cancellationToken));
        WriteQueue(text, await TaskQueueView.ReadAsync(tasks, durable, scope: null, settings.Dispatch.Shards, cancellationToken), now);
        WriteConsensus(text, await ConsensusMetrics.ReadAsync(durable, cancellationToken));
        WriteLearning(text, await new DispatcherClient(durable, settings.Dispatch.Shards).GetBoardAsync(cancellationToken));
        WriteMemory(text, await MemoryMetrics.ReadAsync(durable, cancellationToken), await PatternMetrics.ReadAsync(durable, cancellationToken), await FeedbackMetrics.ReadAsync(durable, cancellationToken));
        WriteProcess(text, InstanceSnapshot.Now(time));
        return new ApiResponse(200, Encoding.UTF8.GetBytes(text.ToString()), PrometheusText.ContentType);
    }

    static void WriteProviders(PrometheusText text, IReadOnlyList<ProviderReport> reports)
    {
        text.Family("swarm_provider_breaker_open", "gauge", "1 while a provider route's circuit breaker refuses calls (open or isolated), else 0; per route this instance has called.");
        foreach (var provider in reports)
        {
            foreach (var model in provider.Models)
            {
                var open = model.Breaker is "open" or "isolated" ? 1 : 0;
                text.Sample("swarm_provider_breaker_open", open, ("provider", provider.Type), ("model", model.Model));
            }
        }

        text.Family("swarm_provider_in_flight", "gauge", "Model calls running now from this instance, per provider type.");
        foreach (var provider in reports)
        {
            text.Sample("swarm_provider_in_flight", provider.InFlight, ("provider", provider.Type));
        }

        text.Family("swarm_provider_queued", "gauge", "Model calls waiting for a place under the provider's concurrency limit, per provider type.");
        foreach (var provider in reports)
        {
            text.Sample("swarm_provider_queued", provider.Queued, ("provider", provider.Type));
        }
    }

    static void WriteRealtime(PrometheusText text, RealtimeTrafficSnapshot traffic)
    {
        text.Family("swarm_realtime_frames_in_total", "counter", "Client frames this instance received on the real-time channel, by type.");
        foreach (var (type, count) in traffic.FramesIn)
        {
            text.Sample("swarm_realtime_frames_in_total", count, ("type", type));
        }

        text.Family("swarm_realtime_frame_answers_total", "counter", "Client frames answered, by outcome (ack or error).");
        text.Sample("swarm_realtime_frame_answers_total", traffic.Acks, ("outcome", "ack"));
        text.Sample("swarm_realtime_frame_answers_total", traffic.Errors, ("outcome", "error"));
        text.Family("swarm_realtime_events_out_total", "counter", "Messages this instance sent on the real-time channel, by type.");
        foreach (var (type, count) in traffic.EventsOut)
        {
            text.Sample("swarm_realtime_events_out_total", count, ("type", type));
        }

        text.Family("swarm_realtime_delivery_failures_total", "counter", "Sends the real-time channel refused or did not answer.");
        text.Sample("swarm_realtime_delivery_failures_total", traffic.DeliveryFailures);
        text.Family("swarm_realtime_connections_total", "counter", "Real-time connections this instance saw, by event (opened, closed, refused).");
        text.Sample("swarm_realtime_connections_total", traffic.Connected, ("event", "opened"));
        text.Sample("swarm_realtime_connections_total", traffic.Disconnected, ("event", "closed"));
        text.Sample("swarm_realtime_connections_total", traffic.RefusedConnections, ("event", "refused"));
        text.Family("swarm_realtime_connections_open", "gauge", "Real-time connections this instance saw open and not yet close.");
        text.Sample("swarm_realtime_connections_open", traffic.Open);
        text.Family("swarm_realtime_group_changes_total", "counter", "Real-time group joins and leaves, by change.");
        text.Sample("swarm_realtime_group_changes_total", traffic.GroupJoins, ("change", "join"));
        text.Sample("swarm_realtime_group_changes_total", traffic.GroupLeaves, ("change", "leave"));
    }

    static void WriteAgents(PrometheusText text, AgentCounts counts)
    {
        text.Family("swarm_agents", "gauge", "Agents not retired, by lifecycle state.");
        foreach (var (lifecycle, count) in counts.ByLifecycle)
        {
            text.Sample("swarm_agents", count, ("lifecycle", lifecycle));
        }

        text.Family("swarm_agents_by_type", "gauge", "Agents not retired, by type.");
        foreach (var (type, count) in counts.ByType)
        {
            text.Sample("swarm_agents_by_type", count, ("type", type));
        }

        text.Family("swarm_agents_retired", "gauge", "Retired agents still listed.");
        text.Sample("swarm_agents_retired", counts.Retired);
    }

    static void WriteQueue(PrometheusText text, TaskQueueView queue, DateTimeOffset now)
    {
        text.Family("swarm_tasks_unfinished", "gauge", $"Unfinished tasks by status (from the task index, at most {TaskQueueView.CountLimit}; see swarm_tasks_counts_complete).");
        foreach (var (status, count) in queue.ByStatus)
        {
            text.Sample("swarm_tasks_unfinished", count, ("status", status));
        }

        text.Family("swarm_tasks_counts_complete", "gauge", "1 when swarm_tasks_unfinished counted every unfinished task, 0 when the scan stopped at its limit.");
        text.Sample("swarm_tasks_counts_complete", queue.CountsComplete ? 1 : 0);
        text.Family("swarm_tasks_oldest_queued_seconds", "gauge", "How long the oldest queued task has waited; 0 when none waits.");
        text.Sample("swarm_tasks_oldest_queued_seconds", WaitedSeconds(queue.OldestWaitingSince, now));
        var line = queue.Dispatcher;
        text.Family("swarm_dispatcher_waiting", "gauge", "Steps in the dispatcher's line waiting for an agent's seat.");
        text.Sample("swarm_dispatcher_waiting", line.Waiting);
        text.Family("swarm_dispatcher_oldest_wait_seconds", "gauge", "How long the first step in the dispatcher's line has waited for a seat; 0 when the line is empty.");
        text.Sample("swarm_dispatcher_oldest_wait_seconds", WaitedSeconds(line.OldestWaitingSince, now));
        text.Family("swarm_dispatcher_seats", "gauge", "Agents' seats (concurrent steps) on the dispatch board, by state.");
        text.Sample("swarm_dispatcher_seats", line.SeatsInUse, ("state", "in_use"));
        text.Sample("swarm_dispatcher_seats", line.SeatsTotal, ("state", "total"));
    }

    static void WriteConsensus(PrometheusText text, ConsensusFigures consensus)
    {
        text.Family("swarm_consensus_proposals", "gauge", $"Finished proposals by algorithm and outcome (decided or undecided), from a scan of at most {ConsensusMetrics.ScanLimit}.");
        foreach (var (algorithm, figures) in consensus.Algorithms)
        {
            text.Sample("swarm_consensus_proposals", figures.Decided, ("algorithm", algorithm), ("outcome", "decided"));
            text.Sample("swarm_consensus_proposals", figures.Undecided, ("algorithm", algorithm), ("outcome", "undecided"));
        }

        text.Family("swarm_consensus_success_ratio", "gauge", "Share of finished proposals that reached a decision, by algorithm.");
        foreach (var (algorithm, figures) in consensus.Algorithms)
        {
            text.Sample("swarm_consensus_success_ratio", figures.Proposals == 0 ? 0 : (double)figures.Decided / figures.Proposals, ("algorithm", algorithm));
        }

        text.Family("swarm_consensus_mean_rounds", "gauge", "Mean voting rounds per finished proposal, by algorithm.");
        foreach (var (algorithm, figures) in consensus.Algorithms)
        {
            text.Sample("swarm_consensus_mean_rounds", figures.MeanRounds, ("algorithm", algorithm));
        }

        text.Family("swarm_consensus_participation_ratio", "gauge", "Mean share of voters whose ballot counted in a round, by algorithm.");
        foreach (var (algorithm, figures) in consensus.Algorithms)
        {
            text.Sample("swarm_consensus_participation_ratio", figures.Participation, ("algorithm", algorithm));
        }
    }

    static void WriteLearning(PrometheusText text, Swarm.Domain.Distribution.DispatchBoard board)
    {
        var routing = board.Routing ?? RoutingCounts.None;
        text.Family("swarm_learning_decisions_total", "counter", "Seat decisions by how the skill value was chosen (exploit, sample, explore, warm-up, off), counted on the dispatch board.");
        foreach (var (kind, count) in routing.Decisions)
        {
            text.Sample("swarm_learning_decisions_total", count, ("kind", kind));
        }

        text.Family("swarm_learning_updates_total", "counter", "Skill updates by kind (outcome, late, consensus, feedback, relax, reset, ignored), counted on the dispatch board.");
        foreach (var (kind, count) in routing.Updates)
        {
            text.Sample("swarm_learning_updates_total", count, ("kind", kind));
        }

        text.Family("swarm_learning_agents_with_estimates", "gauge", "Agents with a skill estimate learned from at least one signal.");
        text.Sample("swarm_learning_agents_with_estimates", board.Agents.Values.Count(a => a.Skills?.Values.Any(s => s.Signals > 0) == true));
    }

    static void WriteMemory(PrometheusText text, MemoryFigures memory, PatternFigures patterns, FeedbackFigures feedback)
    {
        text.Family("swarm_memory_namespaces", "gauge", "Memory namespaces.");
        text.Sample("swarm_memory_namespaces", memory.Namespaces);
        text.Family("swarm_memory_entries", "gauge", "Memory entries, by whether they are sealed (encrypted at rest).");
        text.Sample("swarm_memory_entries", memory.Entries - memory.SealedEntries, ("sealed", "false"));
        text.Sample("swarm_memory_entries", memory.SealedEntries, ("sealed", "true"));
        text.Family("swarm_patterns_fingerprints", "gauge", "Finished tasks' fingerprints in the pattern atlas, by outcome.");
        text.Sample("swarm_patterns_fingerprints", patterns.Completed, ("outcome", "completed"));
        text.Sample("swarm_patterns_fingerprints", patterns.Failed, ("outcome", "failed"));
        text.Family("swarm_patterns_lessons", "gauge", "Lessons the pattern atlas holds for future similar tasks.");
        text.Sample("swarm_patterns_lessons", patterns.Lessons);
        text.Family("swarm_feedback_ratings", "gauge", "People's ratings of finished tasks, by value.");
        foreach (var (value, count) in feedback.ByValue)
        {
            text.Sample("swarm_feedback_ratings", count, ("value", value));
        }
    }

    static void WriteProcess(PrometheusText text, InstanceSnapshot instance)
    {
        text.Family("swarm_process_working_set_bytes", "gauge", "This instance's working set.");
        text.Sample("swarm_process_working_set_bytes", instance.WorkingSetBytes);
        text.Family("swarm_process_cpu_seconds_total", "counter", "CPU time this instance has used.");
        text.Sample("swarm_process_cpu_seconds_total", instance.CpuSeconds);
        text.Family("swarm_process_uptime_seconds", "gauge", "Time since this instance started.");
        text.Sample("swarm_process_uptime_seconds", instance.UptimeSeconds);
    }

    static double WaitedSeconds(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } start ? Math.Max(0, (now - start).TotalSeconds) : 0;
}
