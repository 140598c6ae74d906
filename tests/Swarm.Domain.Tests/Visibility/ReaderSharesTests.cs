using Swarm.Domain.Visibility;

namespace Swarm.Domain.Tests.Visibility;

public sealed class ReaderSharesTests
{
    [Fact]
    public void A_share_is_kept_once_however_often_it_is_repeated()
    {
        var shares = new ReaderShares().With("task-a").With("task-b").With("task-a");

        Assert.Equal(["task-a", "task-b"], shares.Resources);
        Assert.True(shares.Contains("task-b"));
        Assert.False(shares.Contains("task-c"));
    }

    [Fact]
    public void A_full_record_refuses_new_shares_and_never_drops_an_old_one()
    {
        var full = new ReaderShares { Resources = [.. Enumerable.Range(0, ReaderShares.MaxResources).Select(i => $"task-{i}")] };

        var after = full.With("task-new");

        Assert.True(full.IsFull);
        Assert.Same(full, after);
        Assert.True(after.Contains("task-0"));
        Assert.False(after.Contains("task-new"));
    }

    [Fact]
    public void A_readers_key_is_a_stable_hash_free_of_characters_storage_keys_refuse()
    {
        var key = ReaderShares.KeyOf("https://login.example/tenant#alice?x");

        Assert.Equal(key, ReaderShares.KeyOf("https://login.example/tenant#alice?x"));
        Assert.NotEqual(key, ReaderShares.KeyOf("role:viewer"));
        Assert.Equal(40, key.Length);
        Assert.All(key, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)));
    }
}
