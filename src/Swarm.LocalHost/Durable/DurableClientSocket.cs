using System.Net.Sockets;
using Grpc.Net.Client;
using Swarm.Runtime.Configuration;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// The Unix domain socket the local host's durable client reaches its in-process gRPC sidecar through. The sidecar's
/// protocol has no authentication of its own (whoever reaches it can start, terminate and read any orchestration), so
/// it is not on a TCP port any local process could open: the socket sits in a directory only this user may enter.
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

    /// <summary>Setting naming the socket's path; by default a file in <c>~/.local/share/swarm</c> named after the REST port.</summary>
    public const string Setting = "localHost:durableSocket";

    public static string PathFrom(IConfiguration configuration, int httpPort)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[Setting] is { Length: > 0 } path
            ? System.IO.Path.GetFullPath(path)
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "swarm", $"durable-{httpPort}.sock");
    }

    /// <summary>
    /// Makes the socket's directory private to this user (creating it if needed) and removes a socket file left by a
    /// host that did not shut down cleanly, which would otherwise stop Kestrel from binding.
    /// </summary>
    /// <exception cref="SwarmConfigurationException">The path is too long for a socket, or its directory belongs to someone else.</exception>
    public static void Prepare(string socketPath)
    {
        ArgumentNullException.ThrowIfNull(socketPath);
        if (System.Text.Encoding.UTF8.GetByteCount(socketPath) > MaxPathBytes)
        {
            throw new SwarmConfigurationException([$"'{Setting}': the path {socketPath} is longer than a Unix socket allows ({MaxPathBytes} bytes); set it to a shorter path."]);
        }

        var directory = System.IO.Path.GetDirectoryName(socketPath)!;
        if (OperatingSystem.IsWindows())
        {
            // Unix file modes do not exist there; the directory keeps the rights it inherits (a user profile's are private).
            Directory.CreateDirectory(directory);
        }
        else
        {
            const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Directory.CreateDirectory(directory, OwnerOnly);
            try
            {
                // Also tightens a directory that existed with wider rights; only its owner may do this.
                File.SetUnixFileMode(directory, OwnerOnly);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new SwarmConfigurationException($"'{Setting}': the directory {directory} belongs to another user; set it to a path in a directory of your own.", e);
            }
        }

        File.Delete(socketPath);
    }

    /// <summary>A gRPC channel to the sidecar over the socket.</summary>
    public static GrpcChannel Channel(string socketPath) => GrpcChannel.ForAddress($"http://{HostName}", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
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
        },
    });
}
