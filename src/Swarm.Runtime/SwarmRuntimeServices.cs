using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Swarm.Providers;
using Swarm.Providers.Accounting;
using Swarm.Runtime.Agents;
using Swarm.Runtime.Audit;
using Swarm.Runtime.Configuration;
using Swarm.Runtime.Memory;
using Swarm.Runtime.Health;
using Swarm.Runtime.Http;
using Swarm.Runtime.Schedules;
using Swarm.Runtime.Security;
using Swarm.Runtime.Security.ApiKeys;
using Swarm.Runtime.Security.RateLimiting;
using Swarm.Runtime.Storage;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Runtime;

/// <summary>Registers what both hosts run, so the Functions app and the local host are wired the same way.</summary>
public static class SwarmRuntimeServices
{
    public static IServiceCollection AddSwarmRuntime(this IServiceCollection services, SwarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);

        // system.logLevel (or LOG_LEVEL) is the minimum level; .NET's Logging:LogLevel rules, where given, refine it per category.
        services.Configure<Microsoft.Extensions.Logging.LoggerFilterOptions>(o => o.MinLevel = settings.System.MinimumLogLevel);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDurableWorkerStatus, HostManagedDurableWorker>();
        services.AddTableStorage(settings.Database); // the table client and the stores on it; the ports below say which store serves what
        services.AddSingleton<ProviderMetrics>();
        services.AddSingleton(sp => new ProviderCatalog(
            settings.Providers, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ProviderMetrics>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ProviderCatalog>>()));
        services.AddSingleton<IChatClientProvider>(sp => sp.GetRequiredService<ProviderCatalog>());
        services.AddSingleton(new ModelCallLimits(TimeSpan.FromSeconds(settings.Providers.CallTimeoutSeconds)));
        services.AddTransient<InvokeAgentActivity>();
        services.AddTransient<Swarm.Workflows.Tasks.PlanTaskActivity>();
        services.AddTransient<Swarm.Workflows.Consensus.CastBallotActivity>();
        services.AddSingleton<Swarm.Workflows.Consensus.IConsensusRecorder, Consensus.AuditedConsensusRecorder>();
        services.AddTransient<Swarm.Workflows.Consensus.RecordRoundActivity>();
        services.AddSingleton<IAgentDirectory>(sp => sp.GetRequiredService<TableAgentDirectory>());
        services.AddSingleton<IAgentListing>(sp => sp.GetRequiredService<TableAgentDirectory>());
        services.AddTransient<RecordAgentActivity>();
        services.AddSingleton<IAgentCredentials>(sp => sp.GetRequiredService<ApiKeyService>());
        services.AddTransient<RevokeAgentKeysActivity>();
        if (settings.Realtime.Active)
        {
            services.AddSingleton(sp => new Realtime.WebPubSubChannel(settings.Realtime, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<Swarm.Workflows.Realtime.IRealtimeChannel>(sp => sp.GetRequiredService<Realtime.WebPubSubChannel>());
            services.AddSingleton<Realtime.IClientAccessIssuer>(sp => sp.GetRequiredService<Realtime.WebPubSubChannel>());
        }
        else
        {
            services.AddSingleton<Swarm.Workflows.Realtime.IRealtimeChannel, Realtime.DisabledRealtimeChannel>();
        }

        services.AddTransient<Swarm.Workflows.Realtime.PublishRealtimeActivity>();
        services.AddSingleton<Tasks.StoppedTaskNotices>();

        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<TableApiKeyStore>());
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<IAuditTrail>(sp => !settings.Security.AuditEnabled ? new DisabledAuditTrail() : sp.GetRequiredService<TableAuditTrail>());
        services.AddSingleton(sp => new PrincipalRateLimiter(
            settings.Security.RateLimit.PermitsPerMinute, settings.Security.RateLimit.Burst, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RoleGrants>();
        services.AddSingleton<BearerTokenAuthenticator>();
        if (settings.Security.EncryptionEnabled)
        {
            services.AddSingleton(Security.Encryption.SecretProtectorFactory.FromSetting(settings.Security.EncryptionKeys));
            services.AddSingleton(sp => new MemorySealer(sp.GetRequiredService<Security.Encryption.SecretProtector>()));
        }
        else
        {
            services.AddSingleton(new MemorySealer());
        }

        services.AddSingleton<ApiDispatcher>();
        foreach (var route in SwarmRoutes.All)
        {
            services.AddSingleton(route.Handler);
        }

        services.AddSingleton<IStorageProbe>(sp => sp.GetRequiredService<TableStorageProbe>());
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<LatestHealth>();
        services.AddSingleton<HealthProbeJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<HealthProbeJob>());
        services.AddSingleton<DefaultAgentJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<DefaultAgentJob>());
        services.AddSingleton<LearningJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<LearningJob>());
        services.AddSingleton<AutoscalingJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<AutoscalingJob>());
        services.AddSingleton<StalledTaskReaper>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<StalledTaskReaper>());
        return services;
    }
}
