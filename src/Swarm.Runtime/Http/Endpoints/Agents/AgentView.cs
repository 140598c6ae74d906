using Swarm.Domain.Agents;

namespace Swarm.Runtime.Http.Endpoints.Agents;

/// <summary>An agent as the API shows it. Provider settings carry no credentials, so there is nothing secret to leave out.</summary>
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
    DateTimeOffset LastModifiedAt)
{
    /// <summary>Per capability (and <c>general</c>), the agent's smoothed success rate from 0 to 1, as the dispatcher ranks it.</summary>
    public IReadOnlyDictionary<string, double> Reputation { get; init; } = new Dictionary<string, double>();

    public static AgentView From(AgentLedger ledger, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var finished = ledger.Completed + ledger.Failed;
        var profile = ledger.Profile;
        return new AgentView(
            profile.Id,
            profile.Name,
            profile.Type,
            ledger.Status,
            profile.EffectiveRole,
            profile.AutoScale,
            profile.Provider,
            profile.MaxConcurrency,
            ledger.Load,
            ledger.ActiveTasks,
            ledger.Completed,
            ledger.Failed,
            finished == 0 ? null : ledger.TotalLatencyMs / finished,
            ledger.InputTokens,
            ledger.OutputTokens,
            ledger.CostUsd,
            ledger.ConsecutiveFailures,
            ledger.LastActiveAt,
            lastModified);
    }
}
