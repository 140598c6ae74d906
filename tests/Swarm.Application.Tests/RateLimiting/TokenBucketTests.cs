using Swarm.Application.Security.RateLimiting;

namespace Swarm.Application.Tests.RateLimiting;

public sealed class TokenBucketTests
{
    readonly ManualTimeProvider time = new();

    [Fact]
    public void A_new_bucket_grants_its_capacity_then_refuses_with_the_time_until_the_next_token()
    {
        var bucket = new TokenBucket(capacity: 3, tokensPerSecond: 0.5, time);

        var granted = Enumerable.Range(0, 3).Select(attempt => bucket.TryTake(out _)).ToList();
        var refused = bucket.TryTake(out var retryAfter);

        Assert.All(granted, Assert.True);
        Assert.False(refused);
        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
    }

    [Theory]
    [InlineData(10.0, 1)]   // 0.1 s to the next token: Retry-After is never below one second
    [InlineData(0.4, 3)]    // 2.5 s, rounded up
    [InlineData(1 / 60.0, 60)]
    [InlineData(1 / 49.0, 49)]  // 1 / (1 / 49.0) is 49.00000000000001 in floating point: still 49
    public void Retry_after_is_rounded_up_to_whole_seconds_and_is_at_least_one(double tokensPerSecond, int expectedSeconds)
    {
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond, time);
        bucket.TryTake(out _);

        bucket.TryTake(out var retryAfter);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), retryAfter);
    }

    [Theory]
    [InlineData(1 / 3.0)]
    [InlineData(0.4)]
    [InlineData(7 / 60.0)]
    [InlineData(100 / 60.0)]
    public void Waiting_exactly_the_advertised_retry_after_is_enough(double tokensPerSecond)
    {
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond, time);
        bucket.TryTake(out _);
        bucket.TryTake(out var retryAfter);

        time.Advance(retryAfter);
        var granted = bucket.TryTake(out _);

        Assert.True(granted);
    }

    [Fact]
    public void Refills_in_many_small_steps_add_up_to_whole_tokens()
    {
        // Ten refills of 0.1 token add up to 0.9999999999999999 in floating point; that is a whole token.
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond: 1, time);
        bucket.TryTake(out _);
        for (var step = 0; step < 9; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            Assert.False(bucket.TryTake(out _));
        }

        time.Advance(TimeSpan.FromMilliseconds(100));
        var granted = bucket.TryTake(out _);

        Assert.True(granted);
    }

    [Fact]
    public void Waiting_less_than_a_token_takes_is_not_enough()
    {
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond: 0.25, time);
        bucket.TryTake(out _);

        time.Advance(TimeSpan.FromSeconds(3.9));
        var granted = bucket.TryTake(out var retryAfter);

        Assert.False(granted);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void A_long_idle_period_refills_only_up_to_the_capacity()
    {
        var bucket = new TokenBucket(capacity: 2, tokensPerSecond: 1, time);
        bucket.TryTake(out _);
        bucket.TryTake(out _);

        time.Advance(TimeSpan.FromHours(1));
        var granted = Enumerable.Range(0, 3).Count(attempt => bucket.TryTake(out _));

        Assert.Equal(2, granted);
    }

    [Fact]
    public void A_clock_that_goes_backwards_neither_refills_nor_drains_the_bucket()
    {
        var bucket = new TokenBucket(capacity: 2, tokensPerSecond: 1, time);
        bucket.TryTake(out _);

        time.Advance(TimeSpan.FromSeconds(-30));
        var granted = Enumerable.Range(0, 2).Count(attempt => bucket.TryTake(out _));

        Assert.Equal(1, granted);
    }

    [Fact]
    public void Concurrent_takes_never_exceed_the_capacity()
    {
        // Threads start together and contend for the whole run: a lost update would grant more than the capacity.
        const int threads = 8;
        var bucket = new TokenBucket(capacity: 500_000, tokensPerSecond: 1, time);
        var granted = 0;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
        {
            start.SignalAndWait();
            for (var attempt = 0; attempt < 100_000; attempt++)
            {
                if (bucket.TryTake(out _))
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        Assert.Equal(500_000, granted);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.0)]
    [InlineData(1, -1.0)]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.PositiveInfinity)]
    public void A_bucket_needs_a_positive_capacity_and_a_positive_finite_rate(int capacity, double tokensPerSecond)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(capacity, tokensPerSecond, time));
    }
}
