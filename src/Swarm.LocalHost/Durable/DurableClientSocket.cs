using System.Net.Sockets;
using Grpc.Net.Client;
using Swarm.Application.Configuration;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// The Unix domain socket the local host's durable client reaches its in-process gRPC sidecar through. The sidecar's
/// protocol has no authentication of its own (whoever reaches it can start, terminate and read any orchestration), so
/// it is not on a TCP port any local process could open. Each process makes a new directory for it with
/// <see cref="Directory.CreateTempSubdirectory"/> (mkdtemp: a fresh name, mode 0700, owned by this user), so no other
/// user can reach the socket, no path is shared with another host, and nothing that was already there is touched.
/// The host prints the path when it starts.
/// </summary>
public static class DurableClientSocket
{
    /// <summary>
    /// The host name the channel addresses. The sidecar's routes require it, which keeps them apart from the REST routes;
    /// the REST port could not carry them anyway, since it speaks only HTTP/1.1 and gRPC needs HTTP/2.
    /// </summary>
    public const string HostName = "durable.swarm.local";

    // sockaddr_un holds 108 bytes on Linux (104 on macOS) including the terminating zero; the smaller bound is kept.
    const int MaxPathBytes = 103;

    /// <summary>Creates the private directory and returns the socket's path in it.</summary>
    /// <exception cref="SwarmConfigurationException">The temporary folder's path is too long for a socket.</exception>
    public static string CreatePrivate()
    {
        var directory = Directory.CreateTempSubdirectory("swarm-durable-");
        var path = Path.Combine(directory.FullName, "durable.sock");
        if (System.Text.Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
        {
            directory.Delete();
            throw new SwarmConfigurationException(
                [$"TMPDIR: the durable client socket {path} would be longer than a Unix socket allows ({MaxPathBytes} bytes); point TMPDIR at a shorter path."]);
        }

        return path;
    }

    /// <summary>Removes the socket's directory when the host stops (a host killed outright leaves an empty temporary folder).</summary>
    public static void Remove(string socketPath)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(socketPath)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is a temporary folder.
        }
    }

    /// <summary>A gRPC channel to the sidecar over the socket.</summary>
    public static GrpcChannel Channel(string socketPath) => GrpcChannel.ForAddress($"http://{HostName}", new GrpcChannelOptions
    {
        DisposeHttpClient = true,
        HttpHandler = Handler(socketPath),
    });

    /// <summary>An HTTP handler whose every connection is to the socket (address requests to <see cref="HostName"/>).</summary>
    public static SocketsHttpHandler Handler(string socketPath) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
