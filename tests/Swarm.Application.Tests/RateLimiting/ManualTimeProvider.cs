namespace Swarm.Application.Tests.RateLimiting;

/// <summary>
/// A clock that moves only when a test says so. Timestamps are overridden too: the base class reads them from the
/// real Stopwatch, which is what the token buckets measure refill with.
/// </summary>
sealed class ManualTimeProvider : TimeProvider
{
    long ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
