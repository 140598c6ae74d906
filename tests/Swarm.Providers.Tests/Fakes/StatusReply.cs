using System.Globalization;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>An error response with <paramref name="StatusCode"/> and, when given, a <c>Retry-After</c> header.</summary>
public sealed record StatusReply(int StatusCode, TimeSpan? RetryAfter, string? Message = null) : FakeReply
{
    /// <summary>The error message the vendor's body carries.</summary>
    public string ErrorMessage => Message ?? $"Fake vendor error {StatusCode}.";

    /// <summary>The <c>Retry-After</c> value in whole seconds, rounded up so a client never retries too early.</summary>
    public string? RetryAfterSeconds =>
        RetryAfter is { } delay ? ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null;
}
