using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Swarm.Domain.Distribution;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// The swarm's one dispatch board as a durable entity: every step of every task asks it for an agent's seat, and gives
/// the seat back here. Its operations run one at a time, which is what makes the line fair and the seat counts exact.
/// A seat freed for a waiting step is delivered by a <see cref="SeatOfferOrchestrator"/> (entities cannot raise events
/// on orchestrations themselves), so a waiting task costs nothing until it is served. The line ages by the entity's
/// clock (entity operations run once, unlike orchestrator code, so reading the clock here is safe).
/// </summary>
public sealed class DispatcherEntity : TaskEntity<DispatchBoard>
{
    /// <summary>The entity name; lowercase, as the runtime stores entity names.</summary>
    public const string EntityName = "dispatcher";

    public static EntityInstanceId Id { get; } = new(EntityName, "swarm");

    /// <summary>Adds or updates an agent; an agent that does not accept work keeps its seats but gets no new ones.</summary>
    public void Register(AgentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var (board, grants) = State.Register(registration.Profile, registration.Accepting, DateTimeOffset.UtcNow);
        State = registration.Accepting ? board : board.Suspend(registration.Profile.Id);
        Offer(grants);
    }

    /// <summary>Stops giving the agent seats for good (it drains or retires).</summary>
    public void Withdraw(string agentId) => State = State.Withdraw(agentId);

    /// <summary>Stops giving the agent seats until it registers again (it is unhealthy); its reputation stays.</summary>
    public void Suspend(string agentId) => State = State.Suspend(agentId);

    public SeatDecision Request(SeatRequest request)
    {
        var (board, decision) = State.Request(request);
        State = board;
        return decision;
    }

    public void Release(SeatRelease release)
    {
        var (board, grants) = State.Release(release, DateTimeOffset.UtcNow);
        State = board;
        Offer(grants);
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

    void Offer(IReadOnlyList<SeatGrant> grants)
    {
        foreach (var grant in grants)
        {
            Context.ScheduleNewOrchestration(nameof(SeatOfferOrchestrator), grant);
        }
    }
}
