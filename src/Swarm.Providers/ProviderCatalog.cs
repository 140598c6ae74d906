using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Domain.Agents;
using Swarm.Providers.Accounting;
using Swarm.Providers.Configuration;
using Swarm.Providers.Resilience;
using Swarm.Providers.Simulated;
using Swarm.Providers.Tracing;
using Swarm.Providers.Vendors;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers;

/// <summary>
/// Gives each agent the chat client for its provider and model, built once per route and shared:
/// fallback chain → per route (tracing → accounting → resilience → the vendor's SDK client). Also reports what is configured
/// and how each route is doing, for <c>GET /api/v1/providers</c>.
/// </summary>
public sealed class ProviderCatalog : IChatClientProvider, IDisposable
{
    readonly ProvidersSettings settings;
    readonly TimeProvider time;
    readonly ProviderMetrics metrics;
    readonly ILogger logger;
    readonly ConcurrentDictionary<ProviderRoute, Lazy<RouteClient>> routes = new();
    readonly ConcurrentDictionary<string, ConcurrencyLimiter> limiters = new(StringComparer.Ordinal);

    /// <param name="logger">Where each route's breaker logs its opening and why; none when null.</param>
    public ProviderCatalog(ProvidersSettings settings, TimeProvider time, ProviderMetrics metrics, ILogger<ProviderCatalog>? logger = null)
    {
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
    }

    /// <exception cref="ProviderNotConfiguredException">The agent's provider is unknown or lacks its key or base URL.</exception>
    public IChatClient GetClient(ProviderSettings agentProvider)
    {
        ArgumentNullException.ThrowIfNull(agentProvider);
        if (agentProvider.Type == ProviderTypes.External)
        {
            throw new ProviderNotConfiguredException("An external agent has no model to call: it posts its answers to POST /api/v1/tasks/{id}/result.");
        }

        var primary = new ProviderRoute(agentProvider.Type, agentProvider.Model);
        var chain = new List<(ProviderRoute, IChatClient)> { (primary, ClientFor(primary)) };
        foreach (var fallback in settings.For(primary.Provider)!.Fallback.Select(ProviderRoute.Parse).OfType<ProviderRoute>())
        {
            // A fallback that is not configured is skipped, not fatal: the provider report shows why.
            if (fallback != primary && !chain.Any(c => c.Item1 == fallback) && ProblemOf(fallback.Provider) is null)
            {
                chain.Add((fallback, ClientFor(fallback)));
            }
        }

        return chain.Count == 1 ? chain[0].Item2 : new FallbackChatClient(chain, TimeSpan.FromSeconds(settings.CallTimeoutSeconds), time);
    }

    /// <summary>Null when the provider type can be called; otherwise why not, naming the missing setting.</summary>
    public string? ProblemOf(string providerType) => settings.For(providerType) is { } block
        ? ProviderReadiness.ProblemOf(providerType, block)
        : providerType == ProviderTypes.External ? null
        : $"Unknown provider type '{providerType}'; known: {string.Join(", ", ProviderTypes.All)}, {ProviderTypes.External}.";

    /// <summary>Every provider type, configured or not, with its routes' health; never a key.</summary>
    public IReadOnlyList<ProviderReport> Report() => [.. ProviderTypes.All.Select(type =>
    {
        var block = settings.For(type)!;
        var inFlight = limiters.TryGetValue(type, out var limiter) && limiter.GetStatistics() is { } stats
            ? (block.MaxConcurrency - stats.CurrentAvailablePermits, stats.CurrentQueuedCount)
            : (0L, 0L);
        var problem = ProblemOf(type);
        return new ProviderReport(
            type,
            problem is null,
            problem,
            EndpointOf(type, block),
            block.MaxConcurrency,
            inFlight.Item1,
            inFlight.Item2,
            block.Fallback,
            [.. block.Prices.Keys.Order(StringComparer.Ordinal)],
            [.. routes.Where(r => r.Key.Provider == type && r.Value.IsValueCreated).Select(r => r.Value.Value.Health.Report()).OrderBy(r => r.Model, StringComparer.Ordinal)]);
    })];

    public void Dispose()
    {
        foreach (var route in routes.Values.Where(r => r.IsValueCreated))
        {
            route.Value.Client.Dispose();
        }

        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    IChatClient ClientFor(ProviderRoute route)
    {
        if (ProblemOf(route.Provider) is { } problem)
        {
            throw new ProviderNotConfiguredException(problem);
        }

        var lazy = routes.GetOrAdd(route, r => new Lazy<RouteClient>(() => Build(r)));
        try
        {
            return lazy.Value.Client;
        }
        catch
        {
            routes.TryRemove(route, out _);
            throw;
        }
    }

    RouteClient Build(ProviderRoute route)
    {
        var block = settings.For(route.Provider)!;
        IChatClient vendor = block switch
        {
            SimulatedProviderSettings simulated => new SimulatedChatClient(simulated, time),
            VendorProviderSettings http => VendorChatClients.Create(route.Provider, http, route.Model),
            _ => throw new ProviderNotConfiguredException($"Provider type '{route.Provider}' has no client."),
        };

        var health = new ProviderHealth(route, time);
        var limiter = limiters.GetOrAdd(route.Provider, _ => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = block.MaxConcurrency,
            QueueLimit = block.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
        var resilient = new ResilientChatClient(
            vendor, route, ProviderPipelines.Build(block, health, time, logger), limiter,
            TimeSpan.FromSeconds(block.AttemptTimeoutSeconds), health, SecretsOf(block));
        block.Prices.TryGetValue(route.Model, out var price);
        return new RouteClient(ModelCallTracing.Traced(new AccountingChatClient(resilient, route, price, metrics, health), route), health);
    }

    /// <summary>Values that must never appear in a message: the key and every extra header (gateway keys travel there).</summary>
    static string[] SecretsOf(ProviderCallSettings block) => block is VendorProviderSettings vendor
        ? [.. vendor.Headers.Values, .. vendor.ApiKey is { } key ? new[] { key } : []]
        : [];

    /// <summary>The endpoint without user info, query or fragment, where a careless URL could carry a key.</summary>
    static string? Shown(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri)
        ? new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString()
        : null;

    static string? EndpointOf(string type, ProviderCallSettings block) => block switch
    {
        QwenProviderSettings qwen => Shown(qwen.Endpoint),
        VendorProviderSettings { BaseUrl: { Length: > 0 } url } => Shown(url),
        VendorProviderSettings => type switch
        {
            ProviderTypes.OpenAi => "https://api.openai.com/v1",
            ProviderTypes.Claude => "https://api.anthropic.com",
            _ => null,
        },
        _ => null,
    };

    sealed record RouteClient(IChatClient Client, ProviderHealth Health);
}
