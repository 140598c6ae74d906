namespace Swarm.Application.Schedules;

/// <summary>
/// Who runs a periodic job's occurrence when several local hosts share one task hub. In Azure the Functions host makes
/// every timer function a singleton across instances (its schedule monitor and lock in storage); hosts of the local
/// kind have no such host, so each asks here before it runs an occurrence, and exactly one of them is told yes.
/// </summary>
public interface IScheduleClaims
{
    /// <summary>
    /// Claims <paramref name="occurrence"/> of <paramref name="job"/> for <paramref name="host"/>: true for the one
    /// caller that claims it first; false for every other caller, and for an occurrence no later than one already
    /// claimed (a host whose clock or schedule lags never runs an occurrence twice).
    /// </summary>
    Task<bool> TryClaimAsync(string job, DateTimeOffset occurrence, string host, CancellationToken cancellationToken);
}
