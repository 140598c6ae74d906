using System.Runtime.Versioning;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The durable client protocol has no authentication of its own, so the local host serves it only on a Unix socket in
/// a directory private to its user, and never on the REST port.
/// </summary>
[UnsupportedOSPlatform("windows")] // Directory rights are checked as Unix file modes.
public sealed class DurableSocketTests
{
    [Fact]
    public async Task The_durable_protocol_answers_on_a_private_socket_and_not_on_the_rest_port()
    {
        await using var host = await LocalHostProcess.StartAsync();
        var socket = host.DurableSocket;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(socket)!));
        await using (var overSocket = host.DurableClient())
        {
            Assert.Null(await overSocket.GetInstanceAsync("no-such-instance"));
        }

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.HttpPort}");
        await using var overRest = new GrpcDurableTaskClient("test", new GrpcDurableTaskClientOptions { Channel = channel }, NullLogger.Instance);
        var refused = await Assert.ThrowsAsync<RpcException>(() => overRest.GetInstanceAsync("no-such-instance"));
        Assert.Equal(StatusCode.Internal, refused.StatusCode);

        await host.StopGracefullyAsync();
        Assert.False(Directory.Exists(Path.GetDirectoryName(socket)), "the socket's directory outlived the host");
    }
}
