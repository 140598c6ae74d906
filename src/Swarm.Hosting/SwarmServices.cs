using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Swarm.Adapters.Storage;
using Swarm.Adapters.WebPubSub;
using Swarm.Api;
using Swarm.Api.Endpoints.Audit;
using Swarm.Application.Agents;
using Swarm.Application.Audit;
using Swarm.Application.Configuration;
using Swarm.Application.Consensus;
using Swarm.Application.Health;
using Swarm.Application.Memory;
using Swarm.Api.Endpoints.Realtime;
using Swarm.Application.Realtime;
using Swarm.Application.Schedules;
using Swarm.Application.Security;
using Swarm.Application.Security.ApiKeys;
using Swarm.Application.Security.Encryption;
using Swarm.Application.Security.RateLimiting;
using Swarm.Application.Tasks;
using Swarm.Mcp;
using Swarm.McpServer;
using Swarm.Providers;
using Swarm.Providers.Accounting;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Hosting;

/// <summary>
/// The composition root: registers what both hosts run (the model providers, what the workflows' activities need, the
/// API, the periodic jobs, and the adapter behind each port), so the Functions app and the local host are wired the same way.
/// </summary>
public static class SwarmServices
{
    public static IServiceCollection AddSwarm(this IServiceCollection services, SwarmSettings settings)
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
        services.AddSingleton<IEmbeddingSource>(_ => new Swarm.Providers.Embeddings.ConfiguredEmbeddingSource(settings.Providers, settings.Learning.Embeddings));
        services.AddTransient<EmbedTextActivity>();
        services.AddMcpToolServers(settings.Mcp);
        services.AddTransient<InvokeAgentActivity>();
        services.AddTransient<Swarm.Workflows.Tools.CallServerToolActivity>();
        services.AddSingleton<Swarm.Workflows.Tools.IToolCallRecorder, AuditedToolCallRecorder>();
        services.AddTransient<Swarm.Workflows.Tools.RecordToolCallsActivity>();
        services.AddSingleton<Swarm.Workflows.Memory.IMemorySeal>(sp => sp.GetRequiredService<MemorySealer>());
        services.AddSingleton<Swarm.Application.Learning.FeedbackRecorder>();
        services.AddTransient<Swarm.Workflows.Memory.SealMemoryValueActivity>();
        services.AddTransient<Swarm.Workflows.Memory.OpenMemoryValuesActivity>();
        services.AddTransient<Swarm.Workflows.Tasks.PlanTaskActivity>();
        services.AddTransient<Swarm.Workflows.Consensus.CastBallotActivity>();
        services.AddSingleton<Swarm.Workflows.Consensus.IConsensusRecorder, AuditedConsensusRecorder>();
        services.AddTransient<Swarm.Workflows.Consensus.RecordRoundActivity>();
        services.AddSingleton<IAgentDirectory>(sp => sp.GetRequiredService<TableAgentDirectory>());
        services.AddSingleton<IAgentListing>(sp => sp.GetRequiredService<TableAgentDirectory>());
        services.AddTransient<RecordAgentActivity>();
        services.AddSingleton<Swarm.Workflows.Tasks.Index.ITaskIndex>(sp => sp.GetRequiredService<TableTaskIndex>());
        services.AddSingleton<Swarm.Application.Tasks.ITaskListing>(sp => sp.GetRequiredService<TableTaskIndex>());
        services.AddTransient<Swarm.Workflows.Tasks.Index.RecordTaskActivity>();
        services.AddTransient<Swarm.Workflows.Tasks.Index.RecordTaskChangeActivity>();
        services.AddSingleton<IAgentCredentials>(sp => sp.GetRequiredService<ApiKeyService>());
        services.AddTransient<RevokeAgentKeysActivity>();
        // Everything the swarm sends on the channel is counted on its way (communication statistics).
        services.AddSingleton<RealtimeTraffic>();
        if (settings.Realtime.Active)
        {
            services.AddSingleton(sp => new WebPubSubChannel(settings.Realtime, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<Swarm.Workflows.Realtime.IRealtimeChannel>(sp => new CountingRealtimeChannel(sp.GetRequiredService<WebPubSubChannel>(), sp.GetRequiredService<RealtimeTraffic>()));
            services.AddSingleton<IClientAccessIssuer>(sp => sp.GetRequiredService<WebPubSubChannel>());
        }
        else
        {
            services.AddSingleton<Swarm.Workflows.Realtime.IRealtimeChannel, DisabledRealtimeChannel>();
        }

        // Frames from clients: who a connection is, and the event handler's parts (its routes are in SwarmRoutes).
        services.AddSingleton<ChannelIdentities>();
        services.AddSingleton<ChannelServiceAuthenticator>();
        services.AddSingleton<ConnectEvent>();
        services.AddSingleton<ConnectionEvents>();
        services.AddSingleton<JoinGroupHandler>();
        services.AddSingleton<LeaveGroupHandler>();

        services.AddTransient<Swarm.Workflows.Realtime.PublishRealtimeActivity>();
        services.AddTransient<Swarm.Workflows.Realtime.PublishRealtimeNoticesActivity>();
        services.AddSingleton<StoppedTaskNotices>();
        services.AddSingleton<Swarm.Application.Tasks.TaskIndexCatchUp>();
        services.AddSingleton<Swarm.Application.Realtime.OperatorNotices>();

        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<TableApiKeyStore>());
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<IAuditTrail>(sp => !settings.Security.AuditEnabled ? new DisabledAuditTrail() : sp.GetRequiredService<TableAuditTrail>());
        services.AddSingleton(sp => new PrincipalRateLimiter(
            settings.Security.RateLimit.PermitsPerMinute, settings.Security.RateLimit.Burst, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RoleGrants>();
        services.AddSingleton<BearerTokenAuthenticator>();
        if (settings.Realtime.Active)
        {
            // Only a configured channel's service may call the event handler; without one, nothing may.
            services.AddSingleton<UpstreamRequestAuthenticator>();
            services.AddSingleton<IUpstreamRequestCheck>(sp => sp.GetRequiredService<UpstreamRequestAuthenticator>());
        }
        if (settings.Security.EncryptionEnabled)
        {
            services.AddSingleton(SecretProtectorFactory.FromSetting(settings.Security.EncryptionKeys));
            services.AddSingleton(sp => new MemorySealer(sp.GetRequiredService<SecretProtector>()));
        }
        else
        {
            services.AddSingleton(new MemorySealer());
        }

        services.AddSingleton<ApiDispatcher>();
        services.AddSingleton<ApiRequestMetrics>();
        services.AddSingleton<Swarm.Api.Endpoints.Tasks.TaskMetrics>();

        // Listening from now, not from the first scrape, so nothing counted before it is lost; the container disposes it.
        var meterReadings = new Swarm.Api.Endpoints.Operations.Prometheus.MeterReadings();
        services.AddSingleton(_ => meterReadings);
        foreach (var route in SwarmRoutes.All)
        {
            services.AddSingleton(route.Handler);
        }

        services.AddSwarmMcpServer();

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
