namespace Swarm.Application.Health;

/// <summary>Whether the swarm's storage answers: the storage check of <see cref="ReadinessProbe"/>.</summary>
public interface IStorageProbe
{
    /// <summary>Completes once storage has answered one small read; throws whatever the storage client threw if it did not.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
