using System.Collections.Concurrent;

namespace Swarm.Application.Security.RateLimiting;

/// <summary>
/// Limits each principal (by key, e.g. the caller's subject) to <c>permitsPerMinute</c> with bursts of up to
/// <c>burst</c>, with one <see cref="TokenBucket"/> per principal created on first use. A
/// <c>permitsPerMinute</c> of zero or less turns limiting off: every request is allowed.
/// <para>
/// The buckets live in this process. With N instances serving the API (Azure Functions scale-out, several local
/// hosts) a principal can make up to N times the configured rate. Sharing buckets through storage would cost a
/// round trip per request, more than the limit is meant to protect.
/// </para>
/// <para>
/// Memory stays bounded by <see cref="MaxBuckets"/> (plus, briefly, the number of threads adding while a sweep
/// runs). Thread-safe.
/// </para>
/// </summary>
public sealed class PrincipalRateLimiter
{
    public const int DefaultMaxBuckets = 100_000;

    // Eviction: a sweep drops every bucket that is full. A new bucket starts full, so dropping a full one is
    // lossless: the principal's next request sees exactly what it would have seen. That alone keeps memory in
    // proportion to the principals active within the time a bucket takes to refill. A sweep runs on the first request
    // after each minute; there is no timer, because an idle limiter has nothing new to sweep.
    // A hard cap backs it up for the case where more than MaxBuckets principals are active at once: the sweep then
    // also drops the buckets nearest to full (down to 90% of the cap, so a cap sweep, which is O(n log n), happens
    // at most once per MaxBuckets/10 new principals). Those principals get back at most the tokens they had spent:
    // a bounded leniency, chosen over refusing principals the limiter has no room for, or unbounded memory.
    // The most active principals have the emptiest buckets, so they are the last to be dropped.
    static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);
    readonly TimeProvider time;
    readonly int burst;
    readonly double tokensPerSecond;
    readonly long sweepIntervalTimestamps;
    long nextSweep;
    int count;
    int sweeping;

    public PrincipalRateLimiter(int permitsPerMinute, int burst, TimeProvider time)
        : this(permitsPerMinute, burst, time, DefaultMaxBuckets)
    {
    }

    public PrincipalRateLimiter(int permitsPerMinute, int burst, TimeProvider time, int maxBuckets)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuckets, 1);
        IsUnlimited = permitsPerMinute <= 0;
        if (!IsUnlimited)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        }

        this.time = time;
        this.burst = burst;
        tokensPerSecond = permitsPerMinute / 60.0;
        MaxBuckets = maxBuckets;
        sweepIntervalTimestamps = (long)(SweepInterval.TotalSeconds * time.TimestampFrequency);
        nextSweep = time.GetTimestamp() + sweepIntervalTimestamps;
    }

    /// <summary>True when <c>permitsPerMinute</c> was zero or less: nothing is limited and no buckets are kept.</summary>
    public bool IsUnlimited { get; }

    public int MaxBuckets { get; }

    /// <summary>How many principals have a bucket now.</summary>
    public int BucketCount => Volatile.Read(ref count);

    /// <summary>Takes a permit for the principal, or says how long until one is available.</summary>
    public RateLimitDecision TryAcquire(string principalKey)
    {
        ArgumentNullException.ThrowIfNull(principalKey);
        if (IsUnlimited)
        {
            return RateLimitDecision.Allow;
        }

        if (time.GetTimestamp() >= Volatile.Read(ref nextSweep))
        {
            Sweep();
        }

        while (true)
        {
            var bucket = buckets.TryGetValue(principalKey, out var existing) ? existing : Add(principalKey);
            if (bucket.TryTakeUnlessRetired(out var taken, out var retryAfter))
            {
                return taken ? RateLimitDecision.Allow : RateLimitDecision.Refuse(retryAfter);
            }

            // A sweep retired this bucket between the lookup and the take. Remove it ourselves rather than spin
            // until the sweeper does, then take from the principal's new bucket.
            Remove(principalKey, bucket);
        }
    }

    TokenBucket Add(string principalKey)
    {
        // Sweep before adding, not after: the new bucket is full, so a sweep after would drop it at once, and the
        // caller would add it again, forever.
        if (BucketCount >= MaxBuckets)
        {
            Sweep();
        }

        var created = new TokenBucket(burst, tokensPerSecond, time);
        var bucket = buckets.GetOrAdd(principalKey, created);
        if (ReferenceEquals(bucket, created))
        {
            Interlocked.Increment(ref count);
        }

        return bucket;
    }

    void Remove(string principalKey, TokenBucket bucket)
    {
        // Removes only this bucket, never a newer one for the same principal; the count follows the one removal that wins.
        if (buckets.TryRemove(KeyValuePair.Create(principalKey, bucket)))
        {
            Interlocked.Decrement(ref count);
        }
    }

    void Sweep()
    {
        // One sweep at a time; the others carry on serving requests instead of queuing behind it.
        if (Interlocked.Exchange(ref sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Volatile.Write(ref nextSweep, time.GetTimestamp() + sweepIntervalTimestamps);
            foreach (var (key, bucket) in buckets)
            {
                if (bucket.TryRetireIfFull())
                {
                    Remove(key, bucket);
                }
            }

            if (BucketCount >= MaxBuckets)
            {
                var lowWaterMark = MaxBuckets - Math.Max(1, MaxBuckets / 10);
                var nearestFull = buckets
                    .Select(entry => (entry.Key, Bucket: entry.Value, entry.Value.Available))
                    .OrderByDescending(entry => entry.Available)
                    .Take(BucketCount - lowWaterMark)
                    .ToList();
                foreach (var (key, bucket, _) in nearestFull)
                {
                    bucket.Retire();
                    Remove(key, bucket);
                }
            }
        }
        finally
        {
            Volatile.Write(ref sweeping, 0);
        }
    }
}
