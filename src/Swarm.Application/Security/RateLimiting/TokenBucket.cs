namespace Swarm.Application.Security.RateLimiting;

/// <summary>
/// A token bucket: it holds up to <see cref="Capacity"/> tokens (the burst), refills continuously at
/// <see cref="TokensPerSecond"/>, and each request takes one token. It starts full. Time comes from the injected
/// <see cref="TimeProvider"/>'s monotonic timestamps, so a wall-clock change neither refills nor drains it.
/// Thread-safe: concurrent callers never take more tokens than the bucket holds.
/// </summary>
public sealed class TokenBucket
{
    // Refill is computed in floating point. A token within this much of whole counts as whole, so a caller who waits
    // exactly the advertised Retry-After is not refused over a rounding error (e.g. at 1/3 token per second).
    const double Tolerance = 1e-9;

    // Retry-After is an integer of seconds in a header; a refill rate this slow is a configuration mistake anyway.
    const double MaxRetryAfterSeconds = int.MaxValue;

    readonly Lock gate = new();
    readonly TimeProvider time;
    double tokens;
    long lastRefill;
    bool retired;

    public TokenBucket(int capacity, double tokensPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!double.IsFinite(tokensPerSecond) || tokensPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tokensPerSecond), tokensPerSecond, "The refill rate must be a positive, finite number of tokens per second.");
        }

        ArgumentNullException.ThrowIfNull(time);
        Capacity = capacity;
        TokensPerSecond = tokensPerSecond;
        this.time = time;
        tokens = capacity;
        lastRefill = time.GetTimestamp();
    }

    public int Capacity { get; }

    public double TokensPerSecond { get; }

    /// <summary>
    /// Takes a token if one is available. Otherwise returns false and, in <paramref name="retryAfter"/>, how long
    /// until one will be: rounded up to whole seconds and at least one second, ready for a <c>Retry-After</c> header.
    /// </summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (gate)
        {
            return TakeLocked(out retryAfter);
        }
    }

    /// <summary>
    /// As <see cref="TryTake"/>, unless <see cref="PrincipalRateLimiter"/> has evicted this bucket: then false and
    /// nothing is taken, so the caller looks up the principal's current bucket instead of drawing on a dropped one.
    /// </summary>
    internal bool TryTakeUnlessRetired(out bool taken, out TimeSpan retryAfter)
    {
        lock (gate)
        {
            if (retired)
            {
                taken = false;
                retryAfter = TimeSpan.Zero;
                return false;
            }

            taken = TakeLocked(out retryAfter);
            return true;
        }
    }

    /// <summary>Retires the bucket if it is full. A full bucket is exactly what a new one is, so dropping it changes no decision.</summary>
    internal bool TryRetireIfFull()
    {
        lock (gate)
        {
            Refill();
            if (tokens >= Capacity - Tolerance)
            {
                retired = true;
            }

            return retired;
        }
    }

    /// <summary>Retires the bucket whatever it holds; its principal starts again with a full bucket.</summary>
    internal void Retire()
    {
        lock (gate)
        {
            retired = true;
        }
    }

    /// <summary>The tokens available now, fractional.</summary>
    internal double Available
    {
        get
        {
            lock (gate)
            {
                Refill();
                return tokens;
            }
        }
    }

    bool TakeLocked(out TimeSpan retryAfter)
    {
        Refill();
        if (tokens >= 1 - Tolerance)
        {
            tokens = Math.Max(0, tokens - 1);
            retryAfter = TimeSpan.Zero;
            return true;
        }

        var seconds = Math.Ceiling(((1 - tokens) / TokensPerSecond) - Tolerance);
        retryAfter = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, MaxRetryAfterSeconds));
        return false;
    }

    void Refill()
    {
        var now = time.GetTimestamp();
        var elapsed = now - lastRefill;

        // Timestamps are monotonic; a clock that goes backwards (only a test's can) refills nothing rather than draining.
        if (elapsed <= 0)
        {
            return;
        }

        tokens = Math.Min(Capacity, tokens + (elapsed * TokensPerSecond / time.TimestampFrequency));
        lastRefill = now;
    }
}
