using System.Net.Http.Headers;
using Swarm.Providers.Configuration;
using Swarm.Providers.Resilience;

namespace Swarm.Providers.Vendors;

/// <summary>The HttpClient handed to each vendor SDK: observed for retry decisions, with the provider's extra headers.</summary>
static class VendorHttpClients
{
    /// <summary>
    /// No HttpClient timeout: the resilience pipeline's attempt timeout cancels calls, and a second, hidden timer here
    /// would surface as a different exception for the same event.
    /// </summary>
    public static HttpClient Create(VendorProviderSettings settings, Uri? baseAddress = null)
    {
        var handler = new ProviderResponseObserver(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, BaseAddress = baseAddress };
        foreach (var (name, value) in settings.Headers)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Swarm", "1.0"));
        return client;
    }
}
