using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// The dispatch board as code outside the workflows uses it (handlers, periodic jobs): its state, and the operations
/// they may send. The entity's operation names stay here, beside the entity.
/// </summary>
public sealed class DispatcherClient(DurableTaskClient durable)
{
    /// <summary>The board as last stored; an empty board before the first agent registers.</summary>
    public async Task<DispatchBoard> GetBoardAsync(CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<DispatchBoard>(DispatcherEntity.Id, includeState: true, cancellationToken))?.State ?? new DispatchBoard();

    /// <summary>Gives a seat back (self-healing's sweep of seats whose task no longer runs).</summary>
    public Task ReleaseAsync(SeatRelease release, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Release), release, cancellation: cancellationToken);

    /// <summary>Takes a step out of the line.</summary>
    public Task LeaveAsync(string taskId, string seatKey, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Leave), new SeatKey(taskId, seatKey), cancellation: cancellationToken);

    /// <summary>Ends an unhealthy agent's probation.</summary>
    public Task ReinstateAsync(string agentId, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Reinstate), agentId, cancellation: cancellationToken);

    /// <summary>The learning pass: unconfirmed skill loses evidence at <paramref name="rate"/>.</summary>
    public Task RelaxAsync(double rate, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Relax), rate, cancellation: cancellationToken);

    /// <summary>Tells the board how to learn and route (signals are taken in order, so a pass configures before it relaxes).</summary>
    public Task ConfigureAsync(LearningPolicy policy, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Configure), policy, cancellation: cancellationToken);

    /// <summary>Tells the board one piece of evidence about an agent's skill.</summary>
    public Task LearnAsync(SkillSignal signal, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Learn), signal, cancellation: cancellationToken);

    /// <summary>Returns an agent's skill for one capability (or all, for null) to the prior, as of <paramref name="at"/>.</summary>
    public Task ResetSkillAsync(string agentId, string? capability, DateTimeOffset at, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.ResetSkill), new SkillReset(agentId, capability, at), cancellation: cancellationToken);
}
