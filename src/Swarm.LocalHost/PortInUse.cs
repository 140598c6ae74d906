using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Swarm.LocalHost;

/// <summary>The message for a REST port another process holds: which port, and the setting that moves the host elsewhere.</summary>
static class PortInUse
{
    /// <summary>
    /// Whether another process listens on the port: tried by binding it as Kestrel will. Tried before anything starts, so the answer is one plain message rather
    /// than a failed start logged with its stack; the port can still be taken between this and Kestrel's bind, which
    /// <see cref="Explains"/> covers.
    /// </summary>
    public static bool IsTaken(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (!OperatingSystem.IsWindows())
        {
            // As Kestrel binds on Unix: a port whose last connections linger in TIME_WAIT is free; one with a listener is not.
            // (On Windows the option would let the probe share a port in use, so it is left off there.)
            probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }

    /// <summary>Whether <paramref name="error"/> is Kestrel failing to bind because the address is taken (an IOException around an AddressInUseException).</summary>
    public static bool Explains(IOException error) => error.InnerException is AddressInUseException;

    public static string Message(int port) => $"""
        The REST port is in use: 127.0.0.1:{port} is already taken by another process (another Swarm host?).
        Stop that process, or give this host another port with the setting localHost:httpPort: the environment
        variable localHost__httpPort={port + 1}, the argument --localHost:httpPort={port + 1}, or "localHost": {"{"} "httpPort": {port + 1} {"}"} in config.json.
        """;
}
