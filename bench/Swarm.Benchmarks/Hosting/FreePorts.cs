using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Swarm.Benchmarks.Hosting;

/// <summary>
/// Loopback ports nobody listens on right now, for the local hosts this program starts. Drawn below Linux's ephemeral
/// range (32768 and up), where the kernel places the client side of outbound connections and could take one back
/// before the host binds it.
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
