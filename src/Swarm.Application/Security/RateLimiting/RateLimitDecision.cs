namespace Swarm.Application.Security.RateLimiting;

/// <summary>
/// Whether a request may proceed. When it may not, <see cref="RetryAfter"/> is a whole number of seconds, at least
/// one, after which a token will be available: send it as the <c>Retry-After</c> header of a 429.
/// </summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);

    public static RateLimitDecision Refuse(TimeSpan retryAfter) => new(false, retryAfter);

    /// <summary><see cref="RetryAfter"/> as the integer a <c>Retry-After</c> header carries.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);
}
