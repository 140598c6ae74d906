namespace Swarm.Benchmarks.Load;

/// <summary>A sequence of direct writes, and its wall time from the first <c>PUT</c> until the last write read back.</summary>
sealed record DirectWriteRun(IReadOnlyList<DirectWrite> Writes, TimeSpan Elapsed)
{
    public bool AllApplied => Writes.All(w => w.Applied is not null);
}
