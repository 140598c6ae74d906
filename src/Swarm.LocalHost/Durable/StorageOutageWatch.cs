namespace Swarm.LocalHost.Durable;

/// <summary>What one storage probe tells, given the ones before it.</summary>
enum StorageChange
{
    None,
    OutageBegan,
    OutageEnded,
}

/// <summary>Turns a series of storage probes (answered or not) into the beginnings and ends of outages.</summary>
sealed class StorageOutageWatch
{
    bool down;

    public StorageChange Observe(bool answered)
    {
        var change = (down, answered) switch
        {
            (false, false) => StorageChange.OutageBegan,
            (true, true) => StorageChange.OutageEnded,
            _ => StorageChange.None,
        };
        down = !answered;
        return change;
    }
}
