using System.Runtime.Versioning;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.LocalHost.Durable;
using Swarm.Runtime.Configuration;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The durable client protocol has no authentication of its own, so the local host serves it only on a Unix socket in
/// a directory private to its user, and never on the REST port.
/// </summary>
[UnsupportedOSPlatform("windows")] // Directory rights are checked as Unix file modes.
public sealed class DurableSocketTests
{
    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task The_durable_protocol_answers_on_the_private_socket_and_not_on_the_rest_port()
    {
        await using var host = await LocalHostProcess.StartAsync();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.GetDirectoryName(host.DurableSocket)!));
        await using (var overSocket = host.DurableClient())
        {
            Assert.Null(await overSocket.GetInstanceAsync("no-such-instance"));
        }

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.HttpPort}");
        await using var overRest = new GrpcDurableTaskClient("test", new GrpcDurableTaskClientOptions { Channel = channel }, NullLogger.Instance);
        await Assert.ThrowsAsync<RpcException>(() => overRest.GetInstanceAsync("no-such-instance"));
    }

    [Fact]
    public void A_socket_path_too_long_for_the_kernel_is_refused_naming_the_setting()
    {
        var path = Path.Combine(Path.GetTempPath(), new string('d', 120), "durable.sock");

        var error = Assert.Throws<SwarmConfigurationException>(() => DurableClientSocket.Prepare(path));

        Assert.Contains(DurableClientSocket.Setting, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Preparing_the_socket_makes_its_directory_private_and_removes_a_stale_socket_file()
    {
        var directory = Directory.CreateTempSubdirectory("swarm-socket-");
        try
        {
            File.SetUnixFileMode(directory.FullName, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var socket = Path.Combine(directory.FullName, "durable.sock");
            File.WriteAllText(socket, "left by a host that was killed");

            DurableClientSocket.Prepare(socket);

            Assert.Equal(OwnerOnly, File.GetUnixFileMode(directory.FullName));
            Assert.False(File.Exists(socket));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
