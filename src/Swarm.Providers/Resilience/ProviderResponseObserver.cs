using System.Net;

namespace Swarm.Providers.Resilience;

/// <summary>
/// Sits in every vendor SDK's HTTP pipeline and notes the status and <c>Retry-After</c> of each response for the call
/// in progress. The SDKs each wrap HTTP errors in their own exception types; this lets one classifier read the
/// facts that matter for retrying from the wire, the same way for every vendor.
/// </summary>
public sealed class ProviderResponseObserver : DelegatingHandler
{
    static readonly AsyncLocal<ProviderAttempt?> Current = new();

    public ProviderResponseObserver(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Starts recording for one attempt; the returned record fills in as the SDK's requests complete.</summary>
    public static ProviderAttempt BeginAttempt()
    {
        var attempt = new ProviderAttempt();
        Current.Value = attempt;
        return attempt;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Current.Value is { } attempt)
        {
            attempt.Status = response.StatusCode;
            attempt.RetryAfter = RetryAfterOf(response);
        }

        return response;
    }

    static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
