namespace Swarm.LocalHost.Durable;

/// <summary>What one storage probe tells, given the ones before it.</summary>
enum StorageChange
{
    None,
    OutageBegan,
    OutageEnded,
}

/// <summary>How storage met one probe.</summary>
enum StorageProbe
{
    /// <summary>It answered in time.</summary>
    Answered,

    /// <summary>It failed the request: the connection refused (the emulator killed, the account unreachable) or an error answered.</summary>
    Refused,

    /// <summary>No answer within the probe's timeout: storage hung, or only slow on a busy machine.</summary>
    Silent,
}

/// <summary>
/// Turns a series of storage probes into the beginnings and ends of outages. A refusal begins one at once. Silence
/// begins one only when it lasts <see cref="SilentProbesForOutage"/> probes in a row: under load a healthy storage can
/// take longer than a probe's timeout to answer one request, and stopping the durable worker for that (every work item
/// in flight abandoned, the partitions given up and taken again) costs far more than the slow answer did; a CI run
/// recorded such a stop in a test that never touched storage.
/// </summary>
sealed class StorageOutageWatch
{
    /// <summary>Silent probes in a row that make an outage: with 3 s probes a second apart, about 12 s without an answer.</summary>
    public const int SilentProbesForOutage = 3;

    bool down;
    int silentInARow;

    public StorageChange Observe(StorageProbe probe)
    {
        silentInARow = probe == StorageProbe.Silent ? silentInARow + 1 : 0;
        var failing = probe == StorageProbe.Refused || silentInARow >= SilentProbesForOutage;
        if (!down && failing)
        {
            down = true;
            return StorageChange.OutageBegan;
        }

        if (down && probe == StorageProbe.Answered)
        {
            down = false;
            return StorageChange.OutageEnded;
        }

        return StorageChange.None;
    }
}
