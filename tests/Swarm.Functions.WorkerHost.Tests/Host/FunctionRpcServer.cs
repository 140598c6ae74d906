using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// The Functions host's gRPC endpoint as a test runs it: Kestrel on a loopback port the OS picks, cleartext HTTP/2 (as
/// the host listens for its local workers), serving the <c>FunctionRpc</c> service for one worker.
/// </summary>
sealed class FunctionRpcServer : IAsyncDisposable
{
    readonly WebApplication app;

    FunctionRpcServer(WebApplication app, WorkerStream stream, Uri address)
    {
        this.app = app;
        Stream = stream;
        Address = address;
    }

    /// <summary>Where the worker is told to connect, such as <c>http://127.0.0.1:23456/</c>.</summary>
    public Uri Address { get; }

    public WorkerStream Stream { get; }

    public static async Task<FunctionRpcServer> StartAsync()
    {
        var stream = new WorkerStream();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            // The host allows messages of any size (it passes int.MaxValue to the worker as well).
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(stream);
        var app = builder.Build();
        app.MapGrpcService<HostSideEventStream>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FunctionRpcServer(app, stream, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(patience.Token);
        await app.DisposeAsync();
    }
}
