namespace Swarm.LocalHost.Realtime;

/// <summary>
/// Which connections are in which groups. A group exists while it has members, as in the service; a connection leaves
/// every group when it closes.
/// </summary>
public sealed class GroupRoster
{
    readonly Dictionary<string, HashSet<string>> members = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<string>> groupsOf = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public void Join(string group, string connectionId)
    {
        lock (gate)
        {
            Set(members, group).Add(connectionId);
            Set(groupsOf, connectionId).Add(group);
        }
    }

    public void Leave(string group, string connectionId)
    {
        lock (gate)
        {
            Unset(members, group, connectionId);
            Unset(groupsOf, connectionId, group);
        }
    }

    /// <summary>Takes the connection out of every group it is in.</summary>
    public void LeaveAll(string connectionId)
    {
        lock (gate)
        {
            if (groupsOf.Remove(connectionId, out var groups))
            {
                foreach (var group in groups)
                {
                    Unset(members, group, connectionId);
                }
            }
        }
    }

    public List<string> Members(string group)
    {
        lock (gate)
        {
            return members.TryGetValue(group, out var set) ? [.. set] : [];
        }
    }

    /// <summary>Each group that has members, with how many.</summary>
    public Dictionary<string, int> Sizes()
    {
        lock (gate)
        {
            return members.ToDictionary(g => g.Key, g => g.Value.Count, StringComparer.Ordinal);
        }
    }

    static HashSet<string> Set(Dictionary<string, HashSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    static void Unset(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (map.TryGetValue(key, out var set) && set.Remove(value) && set.Count == 0)
        {
            map.Remove(key);
        }
    }
}
