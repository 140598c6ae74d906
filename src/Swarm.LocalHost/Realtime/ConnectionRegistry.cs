namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The stand-in's open connections, by id and by user, and the places users hold: a place is taken before a socket is
/// accepted, so connections racing in cannot pass <see cref="MaxConnectionsPerUser"/>.
/// </summary>
public sealed class ConnectionRegistry
{
    /// <summary>Connections one user may hold at once; more are refused, so one credential cannot exhaust the host.</summary>
    public const int MaxConnectionsPerUser = 20;

    /// <summary>Anonymous <c>/ws</c> connections the stand-in holds at once, all together (they have no user to count by).</summary>
    public const int MaxAnonymousConnections = 200;

    // The places of anonymous connections are counted under a key no user id can be (user ids are not empty).
    const string Anonymous = "";

    readonly Dictionary<string, ClientConnection> byId = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<ClientConnection>> byUser = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> places = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public int Count
    {
        get { lock (gate) { return byId.Count; } }
    }

    public bool TryReserve(string? userId)
    {
        var key = userId ?? Anonymous;
        lock (gate)
        {
            var count = places.GetValueOrDefault(key);
            if (count >= (userId is null ? MaxAnonymousConnections : MaxConnectionsPerUser))
            {
                return false;
            }

            places[key] = count + 1;
            return true;
        }
    }

    public void Unreserve(string? userId)
    {
        var key = userId ?? Anonymous;
        lock (gate)
        {
            if (places.TryGetValue(key, out var count) && count > 1)
            {
                places[key] = count - 1;
            }
            else
            {
                places.Remove(key);
            }
        }
    }

    public void Add(ClientConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (gate)
        {
            byId[connection.Id] = connection;
            if (connection.UserId is { } user)
            {
                if (!byUser.TryGetValue(user, out var list))
                {
                    byUser[user] = list = [];
                }

                list.Add(connection);
            }
        }
    }

    public void Remove(ClientConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (gate)
        {
            byId.Remove(connection.Id);
            if (connection.UserId is { } user && byUser.TryGetValue(user, out var list) && list.Remove(connection) && list.Count == 0)
            {
                byUser.Remove(user);
            }
        }
    }

    public ClientConnection? Find(string connectionId)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(connectionId);
        }
    }

    public bool HasUser(string userId)
    {
        lock (gate)
        {
            return byUser.ContainsKey(userId);
        }
    }

    public List<ClientConnection> OfUser(string userId)
    {
        lock (gate)
        {
            return byUser.TryGetValue(userId, out var list) ? [.. list] : [];
        }
    }

    public List<ClientConnection> All()
    {
        lock (gate)
        {
            return [.. byId.Values];
        }
    }
}
