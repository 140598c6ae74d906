using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Swarm.Tests;

/// <summary>
/// Loopback ports nobody is listening on right now, for the hosts and servers the tests and the benchmark start. They are drawn below
/// Linux's ephemeral range (32768 and up), where the kernel also places the client side of every outbound connection:
/// a port the kernel handed out there could be taken again before the child process binds it.
/// </summary>
static class FreePorts
{
    static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = RandomNumberGenerator.GetInt32(20_000, 32_000);
                if (HandedOut.Contains(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                }
                catch (SocketException)
                {
                    continue;
                }

                HandedOut.Add(port);
                return port;
            }
        }
    }
}
