using Microsoft.DurableTask.Entities;
using Swarm.Domain.Autoscaling;

namespace Swarm.Workflows.Autoscaling;

/// <summary>
/// Autoscaling's memory as a durable entity: each pool's last change (its cooldown survives restarts and is shared by
/// every instance of the swarm) and the recent decisions that <c>GET /api/v1/system/scaling</c> shows, a person's
/// scalings among them.
/// </summary>
public sealed class AutoscalerEntity : TaskEntity<ScalingLog>
{
    public const string EntityName = "autoscaler";

    public static EntityInstanceId Id { get; } = new(EntityName, "swarm");

    public void Record(ScalingPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        State = State.With(pass.Decisions, pass.At);
    }

    /// <summary>A person's scaling of a pool: it starts the pool's cooldown, so the autoscaler does not undo it at its next pass.</summary>
    public void RecordManual(ScalingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        State = State.WithManual(decision);
    }

    public ScalingLog Get() => State;

    protected override ScalingLog InitializeState(TaskEntityOperation entityOperation) => new();
}

/// <summary>One autoscaling pass's decisions: the input of <see cref="AutoscalerEntity.Record"/>.</summary>
public sealed record ScalingPass(DateTimeOffset At, IReadOnlyList<ScalingDecision> Decisions);
