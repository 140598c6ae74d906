using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// The swarm's dispatch board (or one shard of it, <see cref="DispatchShards"/>) as a durable entity, and the one owner
/// of its agents' seats: every step of every task asks it
/// for an agent's seat (<see cref="Request"/>) and gives the seat back here with its outcome (<see cref="Release"/>),
/// which is where the agent's statistics, health and skill are counted. Its operations run one at a time, which is
/// what makes the line fair and the seat counts exact. A seat freed for a waiting step is delivered by a
/// <see cref="SeatOfferOrchestrator"/>, and an agent's departure to its retirement by an
/// <see cref="AgentLeftNoticeOrchestrator"/> (entities cannot raise events on orchestrations themselves), and an agent's
/// going unhealthy to the operators by an <see cref="AgentHealthNoticeOrchestrator"/> (entities do no I/O), so nobody
/// polls. The line ages by the entity's clock (entity operations run once, unlike orchestrator code, so reading the
/// clock here is safe).
/// </summary>
public sealed class DispatcherEntity : TaskEntity<DispatchBoard>
{
    /// <summary>The entity name; lowercase, as the runtime stores entity names.</summary>
    public const string EntityName = "dispatcher";

    public static EntityInstanceId Id { get; } = new(EntityName, "swarm");

    /// <summary>Adds or updates an agent; an agent that does not accept work (it drains) is leaving from the start.</summary>
    public void Register(AgentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Apply(State.Register(registration.Profile, registration.Accepting, DateTimeOffset.UtcNow));
    }

    /// <summary>Stops giving the agent seats for good (it drains or retires); says whether it has left already.</summary>
    public Withdrawal Withdraw(AgentWithdrawal withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        var (board, result) = State.Withdraw(withdrawal.AgentId, withdrawal.Watcher);
        State = board;
        return result;
    }

    /// <summary>Ends an unhealthy agent's probation (self-healing): it is offered work again.</summary>
    public void Reinstate(string agentId) => Apply(State.Reinstate(agentId, DateTimeOffset.UtcNow));

    /// <summary>How the board learns and routes from now on (the <c>learning</c> settings, told at startup and on every pass).</summary>
    public void Configure(LearningPolicy policy) => State = State.Configure(policy);

    /// <summary>One piece of evidence about an agent's skill (a consensus vote, a rating); a repeated id counts once.</summary>
    public void Learn(SkillSignal signal) => State = State.Learn(signal);

    /// <summary>Returns an agent's skill for one capability, or all, to the prior.</summary>
    public void ResetSkill(SkillReset reset)
    {
        ArgumentNullException.ThrowIfNull(reset);
        State = State.ResetSkill(reset.AgentId, reset.Capability, reset.At);
    }

    /// <summary>The learning pass: skill no signal confirmed since the last pass loses evidence at the rate.</summary>
    public void Relax(double rate) => State = State.Relax(rate, DateTimeOffset.UtcNow);

    /// <summary>A sharded step's first ask, read-only: the agent this shard would grant and its score, or why none (<see cref="DispatchBoard.Propose"/>).</summary>
    public SeatProposal Propose(SeatRequest request) => State.Propose(request);

    /// <summary>A sharded step takes the seat this shard proposed, or hears busy if the agent filled meanwhile (<see cref="DispatchBoard.Claim"/>).</summary>
    public SeatDecision Claim(SeatClaim claim)
    {
        var (board, decision) = State.Claim(claim);
        State = board;
        return decision;
    }

    public SeatDecision Request(SeatRequest request)
    {
        var (board, decision) = State.Request(request);
        State = board;
        return decision;
    }

    public void Release(SeatRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var wasUnhealthy = State.Agents.GetValueOrDefault(release.AgentId)?.IsUnhealthy == true;
        Apply(State.Release(release, DateTimeOffset.UtcNow));
        if (release.Announce && !wasUnhealthy && State.Agents.GetValueOrDefault(release.AgentId) is { IsUnhealthy: true } agent)
        {
            Context.ScheduleNewOrchestration(
                nameof(AgentHealthNoticeOrchestrator),
                RealtimeEvents.AgentHealth(agent.Id, healthy: false, $"{agent.Work.ConsecutiveFailures} failed steps in a row: no new work until self-healing reinstates it", DateTimeOffset.UtcNow));
        }
    }

    /// <summary>Takes a step out of the line; returns its grant if a seat was given to it meanwhile.</summary>
    public SeatDecision? Leave(SeatKey seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var (board, granted) = State.Leave(seat.TaskId, seat.Key);
        State = board;
        return granted;
    }

    public DispatchBoard Get() => State;

    protected override DispatchBoard InitializeState(TaskEntityOperation entityOperation) => new();

    void Apply(BoardChange change)
    {
        State = change.Board;
        foreach (var grant in change.Grants)
        {
            // A grant names its shard so the step gives the seat back there; shard 0's stay as they were before shards.
            var shard = DispatchShards.IndexOf(Context.Id);
            Context.ScheduleNewOrchestration(nameof(SeatOfferOrchestrator), shard == 0 ? grant : grant with { Shard = shard });
        }

        if (change.Departure is { Watchers.Count: > 0 } departure)
        {
            Context.ScheduleNewOrchestration(nameof(AgentLeftNoticeOrchestrator), departure);
        }
    }
}
