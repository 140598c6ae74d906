using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// Where a key lives when the dispatch board is split into shards (<c>dispatch:shards</c>): an agent on the shard of its
/// id, a step's first offer on the shard of its holder. The hash is FNV-1a over the key, finished by SplitMix64's mixer
/// so that keys differing in a last character spread over every shard; it is the same in every process and on every
/// replay, which <see cref="string.GetHashCode()"/> is not.
/// </summary>
public static class ShardPlacement
{
    /// <summary>The most shards a swarm may have.</summary>
    public const int MaxShards = 16;

    /// <summary>The shard, 0 to <paramref name="shards"/> − 1, that <paramref name="key"/> lives on.</summary>
    public static int Of(string key, int shards)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        if (shards == 1)
        {
            return 0;
        }

        var z = SplitMix64.Fnv1a64(key);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)shards);
    }
}
