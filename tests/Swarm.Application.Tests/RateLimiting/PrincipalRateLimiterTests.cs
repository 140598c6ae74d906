using Swarm.Application.Security.RateLimiting;

namespace Swarm.Application.Tests.RateLimiting;

public sealed class PrincipalRateLimiterTests
{
    readonly ManualTimeProvider time = new();

    [Fact]
    public void A_principal_may_burst_then_is_refused_with_a_retry_after()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 6, burst: 3, time);

        var burst = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("alice")).ToList();
        var refused = limiter.TryAcquire("alice");

        Assert.All(burst, decision => Assert.True(decision.Allowed));
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter);
        Assert.Equal(10, refused.RetryAfterSeconds);
    }

    [Fact]
    public void Permits_come_back_at_the_configured_rate()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 60, burst: 2, time);
        limiter.TryAcquire("alice");
        limiter.TryAcquire("alice");

        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = limiter.TryAcquire("alice");
        var rightAfter = limiter.TryAcquire("alice");

        Assert.True(afterOneSecond.Allowed);
        Assert.False(rightAfter.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(1), rightAfter.RetryAfter);
    }

    [Fact]
    public void After_a_long_pause_a_principal_gets_the_burst_back_and_no_more()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 60, burst: 2, time);
        limiter.TryAcquire("alice");
        limiter.TryAcquire("alice");

        time.Advance(TimeSpan.FromMinutes(10));
        var allowed = Enumerable.Range(0, 5).Count(_ => limiter.TryAcquire("alice").Allowed);

        Assert.Equal(2, allowed);
    }

    [Fact]
    public void Principals_have_independent_buckets()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 1, burst: 1, time);
        limiter.TryAcquire("alice");

        var aliceAgain = limiter.TryAcquire("alice");
        var bob = limiter.TryAcquire("bob");

        Assert.False(aliceAgain.Allowed);
        Assert.True(bob.Allowed);
    }

    [Fact]
    public void Principal_keys_are_compared_exactly()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 1, burst: 1, time);
        limiter.TryAcquire("alice");

        var differentCase = limiter.TryAcquire("Alice");

        Assert.True(differentCase.Allowed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Zero_or_fewer_permits_per_minute_means_unlimited(int permitsPerMinute)
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute, burst: 0, time);

        var allowed = Enumerable.Range(0, 10_000).Count(_ => limiter.TryAcquire("alice").Allowed);

        Assert.True(limiter.IsUnlimited);
        Assert.Equal(10_000, allowed);
        Assert.Equal(0, limiter.BucketCount);
    }

    [Fact]
    public void Concurrent_requests_from_one_principal_never_get_more_than_the_burst()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 60, burst: 100, time);
        var granted = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, attempt =>
        {
            if (limiter.TryAcquire("alice").Allowed)
            {
                Interlocked.Increment(ref granted);
            }
        });

        Assert.Equal(100, granted);
    }

    [Fact]
    public void Concurrent_requests_from_many_principals_each_get_exactly_their_burst()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 60, burst: 10, time);
        var granted = new int[50];

        Parallel.For(0, 50_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            if (limiter.TryAcquire("principal-" + (i % 50)).Allowed)
            {
                Interlocked.Increment(ref granted[i % 50]);
            }
        });

        Assert.All(granted, count => Assert.Equal(10, count));
    }

    [Fact]
    public void Concurrent_requests_racing_the_sweep_that_drops_a_refilled_bucket_never_get_more_than_the_burst()
    {
        // Each round the clock moves on six minutes, so the principal's bucket is full again and a sweep is due; then
        // all threads start at once. The first request sweeps and drops the full bucket while the others may already
        // hold it: they must not draw on the dropped bucket as well as on its replacement.
        const int threads = 8;
        const int rounds = 10_000;
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 1, burst: 5, time);
        var grantedPerRound = new int[rounds];
        var round = 0;
        using var start = new Barrier(threads, _ =>
        {
            time.Advance(TimeSpan.FromMinutes(6));
            round++;
        });

        var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
        {
            for (var r = 0; r < rounds; r++)
            {
                start.SignalAndWait();
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    if (limiter.TryAcquire("alice").Allowed)
                    {
                        Interlocked.Increment(ref grantedPerRound[round - 1]);
                    }
                }
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        Assert.All(grantedPerRound, granted => Assert.Equal(5, granted));
    }

    [Fact]
    public void Buckets_that_have_refilled_are_dropped_by_the_periodic_sweep()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 60, burst: 5, time);
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire("principal-" + i);
        }

        var before = limiter.BucketCount;
        time.Advance(TimeSpan.FromMinutes(2));
        limiter.TryAcquire("latecomer");

        Assert.Equal(100, before);
        Assert.Equal(1, limiter.BucketCount);
    }

    [Fact]
    public void A_principal_whose_bucket_was_dropped_sees_no_difference()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 60, burst: 3, time);
        limiter.TryAcquire("alice");
        time.Advance(TimeSpan.FromMinutes(2));
        limiter.TryAcquire("bob");

        var allowed = Enumerable.Range(0, 4).Count(_ => limiter.TryAcquire("alice").Allowed);

        Assert.Equal(3, allowed);
    }

    [Fact]
    public void The_bucket_count_stays_within_the_cap_however_many_principals_arrive()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 1, burst: 5, time, maxBuckets: 1_000);
        var highest = 0;

        for (var i = 0; i < 20_000; i++)
        {
            limiter.TryAcquire("principal-" + i);
            highest = Math.Max(highest, limiter.BucketCount);
        }

        Assert.InRange(highest, 900, 1_000);
    }

    [Fact]
    public void The_cap_drops_the_least_active_principals_first()
    {
        var limiter = new PrincipalRateLimiter(permitsPerMinute: 1, burst: 3, time, maxBuckets: 10);
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("busy");
        }

        for (var i = 0; i < 1_000; i++)
        {
            limiter.TryAcquire("passer-by-" + i);
        }

        var busy = limiter.TryAcquire("busy");

        Assert.False(busy.Allowed);
    }

    [Fact]
    public void A_limited_rate_needs_a_burst_of_at_least_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrincipalRateLimiter(permitsPerMinute: 60, burst: 0, time));
    }
}
