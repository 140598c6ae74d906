using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// An agent as the API shows it: its profile and lifecycle from its ledger, and its seats, health, skill and statistics
/// from the dispatch board (their one owner while it takes work; the ledger keeps the statistics once it retires).
/// <c>reputation</c> is each capability's skill mean; <c>learning</c> has the estimates in full and their trace.
/// Provider settings carry no credentials, so there is nothing secret to leave out. <c>instructions</c> is what the
/// agent's model is told (its own, or its type's default when <c>defaultInstructions</c>); <c>tools</c> and the loop
/// limits are as they apply. <c>presence</c> is its connection on the real-time channel and its heartbeats, from its
/// presence entity.
/// </summary>
public sealed record AgentView(
    string Id,
    string Name,
    AgentType Type,
    AgentStatus Status,
    AgentRole Role,
    bool AutoScale,
    ProviderSettings Provider,
    int MaxConcurrency,
    int Load,
    IReadOnlyList<string> ActiveTasks,
    long Completed,
    long Failed,
    long? MeanLatencyMs,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    int ConsecutiveFailures,
    DateTimeOffset? LastActiveAt,
    DateTimeOffset LastModifiedAt,
    IReadOnlyDictionary<string, double> Reputation,
    string Instructions,
    bool DefaultInstructions,
    IReadOnlyList<string> Tools,
    int MaxTurns,
    int MaxToolCalls,
    PresenceView Presence,
    AgentLearningView Learning)
{
    /// <param name="onBoard">The agent on the dispatch board, or null when it is not (yet, or any more) on it.</param>
    public static AgentView From(AgentLedger ledger, BoardAgent? onBoard, DateTimeOffset lastModified, PresenceView presence)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(presence);
        var work = onBoard?.Work ?? ledger.FinalWork ?? new AgentWork();
        var profile = ledger.Profile;
        var limits = AgentLoopLimits.For(profile);
        return new AgentView(
            profile.Id,
            profile.Name,
            profile.Type,
            BoardAgent.StatusOf(ledger.Lifecycle, onBoard),
            profile.EffectiveRole,
            profile.AutoScale,
            profile.Provider,
            profile.MaxConcurrency,
            onBoard?.Load ?? 0,
            onBoard?.Holders ?? [],
            work.Completed,
            work.Failed,
            work.MeanLatencyMs,
            work.InputTokens,
            work.OutputTokens,
            work.CostUsd,
            work.ConsecutiveFailures,
            work.LastActiveAt,
            lastModified,
            onBoard?.Reputation ?? new Dictionary<string, double>(),
            AgentInstructions.For(profile),
            profile.Instructions is not { Length: > 0 },
            profile.Tools ?? [],
            limits.MaxTurns,
            limits.MaxToolCalls,
            presence,
            AgentLearningView.From(onBoard));
    }
}
