using Swarm.LocalHost.Durable;

namespace Swarm.LocalHost.Tests;

/// <summary>When the watchdog takes storage for gone: at once when it refuses, only after a run of silence when it is slow.</summary>
public sealed class StorageOutageWatchTests
{
    static StorageChange[] Observe(params StorageProbe[] probes)
    {
        var watch = new StorageOutageWatch();
        return [.. probes.Select(watch.Observe)];
    }

    [Fact]
    public void A_refusal_begins_an_outage_at_once_and_an_answer_ends_it()
    {
        Assert.Equal(
            [StorageChange.None, StorageChange.OutageBegan, StorageChange.None, StorageChange.None, StorageChange.OutageEnded, StorageChange.None],
            Observe(StorageProbe.Answered, StorageProbe.Refused, StorageProbe.Refused, StorageProbe.Silent, StorageProbe.Answered, StorageProbe.Answered));
    }

    [Fact]
    public void Silence_begins_an_outage_only_when_it_lasts_three_probes_in_a_row()
    {
        Assert.Equal(
            [StorageChange.None, StorageChange.None, StorageChange.None, StorageChange.None, StorageChange.None, StorageChange.OutageBegan],
            Observe(StorageProbe.Silent, StorageProbe.Silent, StorageProbe.Answered, StorageProbe.Silent, StorageProbe.Silent, StorageProbe.Silent));
    }

    [Fact]
    public void A_refusal_after_some_silence_begins_an_outage_at_once()
    {
        Assert.Equal([StorageChange.None, StorageChange.OutageBegan], Observe(StorageProbe.Silent, StorageProbe.Refused));
    }
}
