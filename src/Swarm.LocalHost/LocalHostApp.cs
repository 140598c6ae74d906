using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Swarm.Adapters.Storage;
using Swarm.Adapters.Telemetry;
using Swarm.Api;
using Swarm.Application.Configuration;
using Swarm.Application.Health;
using Swarm.Application.Schedules;
using Swarm.Hosting;
using Swarm.LocalHost.Durable;
using Swarm.LocalHost.Http;
using Swarm.LocalHost.Realtime;
using Swarm.LocalHost.Reference;
using Swarm.LocalHost.Schedules;

namespace Swarm.LocalHost;

/// <summary>
/// The local host's web application: loopback-only Kestrel (REST on one port, the durable client's gRPC on another),
/// the durable worker on Azure Storage, the swarm's services (<c>AddSwarm</c>), the periodic jobs, and the routes of <see cref="SwarmRoutes"/>.
/// Built here rather than in Program so a test can inspect exactly what it serves.
/// </summary>
public static class LocalHostApp
{
    /// <summary>The service key of the durable backend that requests use (see <see cref="AzureStorageBackend.CreateForRequests"/>).</summary>
    internal const string RequestBackend = "requests";

    public static WebApplication Create(string[] args, IConfiguration configuration, SwarmSettings settings)
    {
        var httpPort = LocalHostConfiguration.HttpPort(configuration);
        var durableSocket = DurableClientSocket.CreatePrivate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // REST on loopback, HTTP/1.1 only: gRPC needs HTTP/2, so the durable protocol cannot be reached here. It is
            // served only on the socket, which has no authentication of its own and relies on its directory's rights.
            kestrel.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestHeaderLimit.TransportLimit;
            kestrel.ListenUnixSocket(durableSocket, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton(new DurableSocketPath(durableSocket));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        // The durable backend the sidecar is given (it serves only client calls) and this process's worker, on a backend of its own.
        builder.Services.AddSingleton(sp => AzureStorageBackend.Create(settings, sp.GetRequiredService<ILoggerFactory>(), httpPort));
        builder.Services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());

        // Requests reach the task hub through a client of their own whose storage calls give up within seconds (a 503),
        // while the worker keeps the SDK's patient retries.
        builder.Services.AddKeyedSingleton(RequestBackend, (sp, _) => AzureStorageBackend.CreateForRequests(settings, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredKeyedService<AzureStorageOrchestrationService>(RequestBackend));
        // Each start of the worker (the first, and each restart after a storage outage) gets a backend of its own, fenced
        // off from storage when the worker is replaced.
        builder.Services.AddSingleton(sp => new DurableTaskEngine(
            (restarts, fence) => AzureStorageBackend.Create(settings, sp.GetRequiredService<ILoggerFactory>(), httpPort, restarts, fence),
            settings,
            sp,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<ILogger<DurableTaskEngine>>()));
        builder.Services.AddSingleton<IDurableWorkerStatus>(sp => sp.GetRequiredService<DurableTaskEngine>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DurableTaskEngine>());
        builder.Services.AddHostedService<DurableWorkerWatchdog>();

        // A real DurableTaskClient, talking gRPC to a sidecar server in this process that fronts the same backend, for
        // orchestrations and entities alike: the protocol the Functions worker's [DurableClient] speaks to the durable
        // extension. The sidecar adds the entity calls Durable Task's server lacks (EntityServingSidecar).
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<EntityServingSidecar>();
        builder.Services.AddSingleton<DurableTaskClient>(sp => new LocalHostDurableClient(
            new GrpcDurableTaskClient(
                "swarm",
                new GrpcDurableTaskClientOptions
                {
                    Channel = DurableClientSocket.Channel(durableSocket),
                    DefaultVersion = settings.Durable.WorkflowVersion ?? Swarm.Workflows.WorkflowVersion.Current,
                    EnableEntitySupport = true,
                },
                sp.GetRequiredService<ILogger<GrpcDurableTaskClient>>())));

        // The real-time channel: Web PubSub when configured, else this host's own stand-in for it (Realtime/LocalWebPubSub).
        var servesRealtime = LocalWebPubSub.ServeHere(settings.Realtime, httpPort);
        builder.Services.AddSingleton<LocalWebPubSubHub>();
        if (servesRealtime)
        {
            // The stand-in's events go to the swarm's event handler, as Web PubSub's go to the Functions app's.
            builder.Services.AddSingleton<IWebPubSubUpstream, DispatchedUpstream>();
            builder.Services.AddSingleton<Swarm.Application.Realtime.IChannelServiceStatistics>(sp => sp.GetRequiredService<LocalWebPubSubHub>());
        }

        builder.Services.AddSwarm(settings);
        builder.Services.AddBrowserCors(settings.Api.Cors);
        builder.Services.AddSwarmTelemetry(builder.Configuration);
        builder.Services.AddSwarmTracing(builder.Configuration);
        builder.Services.AddSingleton<IScheduleClaims>(sp => sp.GetRequiredService<TableScheduleClaims>());
        builder.Services.AddHostedService<PeriodicJobRunner>();

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"Swarm API listening on http://127.0.0.1:{httpPort} (durable client gRPC on unix:{durableSocket})"));
        app.Lifetime.ApplicationStopped.Register(() => DurableClientSocket.Remove(durableSocket));
        app.UseRequestHeaderLimit();
        app.UseBrowserCors(settings.Api.Cors);
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var request = AspNetCoreAdapter.ToApiRequest(http);
            await AspNetCoreAdapter.WriteAsync(http, UnmatchedRequests.Answer(request.Method, request.Path, request.CorrelationId));
        });
        app.MapGrpcService<EntityServingSidecar>().RequireHost(DurableClientSocket.HostName);
        if (servesRealtime)
        {
            LocalWebPubSub.Map(app, settings.Realtime);
        }

        app.MapSwarmRoutes();
        app.MapApiReference();
        app.MapDashboard();
        return app;
    }
}
