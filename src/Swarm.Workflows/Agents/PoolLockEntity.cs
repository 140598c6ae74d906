using Microsoft.DurableTask.Entities;

namespace Swarm.Workflows.Agents;

/// <summary>
/// One lock per pool (the entity key is the pool's key): a scaling holds it from start to end, so two scalings of the
/// same pool never run together. Entity operations are serialized, so acquiring is atomic.
/// </summary>
public sealed class PoolLockEntity : TaskEntity<string?>
{
    public const string EntityName = "poollock";

    public static EntityInstanceId IdFor(string poolKey) => new(EntityName, poolKey);

    /// <summary>Takes the lock for <paramref name="holder"/>; true if it is now theirs (taking it again is harmless).</summary>
    public bool Acquire(string holder)
    {
        if (State is null || State == holder)
        {
            State = holder;
            return true;
        }

        return false;
    }

    /// <summary>Gives the lock back if <paramref name="holder"/> has it.</summary>
    public void Release(string holder)
    {
        if (State == holder)
        {
            State = null;
        }
    }

    protected override string? InitializeState(TaskEntityOperation entityOperation) => null;
}
