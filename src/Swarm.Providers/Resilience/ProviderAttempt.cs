using System.Net;

namespace Swarm.Providers.Resilience;

/// <summary>What the wire said during one attempt of a provider call.</summary>
public sealed class ProviderAttempt
{
    public HttpStatusCode? Status { get; set; }

    public TimeSpan? RetryAfter { get; set; }
}
