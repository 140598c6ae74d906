using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Domain.Agents;
using Swarm.Domain.Memory;
using Swarm.Runtime.Agents;
using Swarm.Runtime.Configuration;
using Swarm.Runtime.Memory;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Memory;

namespace Swarm.Runtime.Schedules;

/// <summary>
/// The learning pass (the spec's <c>learning</c> section): for every agent, folds the outcomes since the last pass into
/// a learned success rate and latency, as exponential moving averages with <c>learning:learningRate</c>, and keeps them
/// in memory namespace <see cref="Namespace"/> under <c>agent.{id}</c>. Task distribution will read them to prefer
/// agents that do well; for now they are what the swarm has learned, readable through the memory API.
/// </summary>
public sealed partial class LearningJob(SwarmSettings settings, MemorySealer sealer, TimeProvider time, ILogger<LearningJob> logger) : IPeriodicJob
{
    public const string Namespace = "learning";

    public string Name => "Learning";

    public string ScheduleSetting => PeriodicSchedules.LearningSetting;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!settings.Learning.Enabled)
        {
            return;
        }

        var memory = await durable.Entities.GetEntityAsync<MemoryShelf>(MemoryEntity.IdFor(Namespace), includeState: true, cancellationToken);
        foreach (var ledger in await AgentLookup.AllAsync(durable, cancellationToken))
        {
            var key = "agent." + ledger.Profile.Id;
            var previous = memory?.State?.Entries.GetValueOrDefault(key) is { } entry
                ? JsonSerializer.Deserialize<LearnedPerformance>(sealer.Open(Namespace, key, entry))
                : null;
            if (LearnedPerformance.Update(previous, ledger, settings.Learning.LearningRate, time.GetUtcNow()) is not { } learned)
            {
                continue;
            }

            var (value, sealedValue) = sealer.Seal(Namespace, key, JsonSerializer.Serialize(learned));
            await durable.Entities.SignalEntityAsync(
                MemoryEntity.IdFor(Namespace), nameof(MemoryEntity.Put), new MemoryWrite(key, new MemoryEntry(value, learned.UpdatedAt, "learning", sealedValue)), cancellation: cancellationToken);
            LogLearned(logger, ledger.Profile.Id, learned.SuccessRate, learned.ObservedCompleted + learned.ObservedFailed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learning: agent {AgentId} success rate {SuccessRate:0.###} after {Observed} outcomes")]
    static partial void LogLearned(ILogger logger, string agentId, double successRate, long observed);
}

/// <summary>What the swarm has learned about one agent: smoothed success rate and latency, and how many outcomes they rest on.</summary>
public sealed record LearnedPerformance(double SuccessRate, double MeanLatencyMs, long ObservedCompleted, long ObservedFailed, long ObservedLatencyMs, DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// Folds in the outcomes since <paramref name="previous"/> (an exponential moving average with <paramref name="rate"/>;
    /// the first observation is taken as is). Null when there is nothing new to learn.
    /// </summary>
    public static LearnedPerformance? Update(LearnedPerformance? previous, AgentLedger ledger, double rate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var completed = ledger.Completed - (previous?.ObservedCompleted ?? 0);
        var failed = ledger.Failed - (previous?.ObservedFailed ?? 0);
        if (completed + failed <= 0)
        {
            return null;
        }

        var observedRate = (double)completed / (completed + failed);
        var observedLatency = (double)(ledger.TotalLatencyMs - (previous?.ObservedLatencyMs ?? 0)) / (completed + failed);
        return new LearnedPerformance(
            previous is null ? observedRate : previous.SuccessRate + (rate * (observedRate - previous.SuccessRate)),
            previous is null ? observedLatency : previous.MeanLatencyMs + (rate * (observedLatency - previous.MeanLatencyMs)),
            ledger.Completed,
            ledger.Failed,
            ledger.TotalLatencyMs,
            now);
    }
}
