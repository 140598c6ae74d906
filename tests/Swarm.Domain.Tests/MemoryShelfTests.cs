using Swarm.Domain.Memory;

namespace Swarm.Domain.Tests;

public sealed class MemoryShelfTests
{
    static MemoryEntry Entry(string value) => new(value, DateTimeOffset.UnixEpoch, "tester", Sealed: false);

    [Fact]
    public void Putting_replaces_and_removing_forgets()
    {
        var (shelf, _) = new MemoryShelf().Put("k", Entry("one"));
        (shelf, var replaced) = shelf.Put("k", Entry("two"));

        Assert.True(replaced);
        Assert.Equal("two", shelf.Entries["k"].Value);
        Assert.Empty(shelf.Remove("k").Entries);
    }

    [Fact]
    public void A_full_shelf_refuses_new_keys_but_still_updates_existing_ones()
    {
        var shelf = new MemoryShelf();
        for (var i = 0; i < MemoryShelf.MaxEntries; i++)
        {
            (shelf, _) = shelf.Put("k" + i, Entry("v"));
        }

        var (afterNew, storedNew) = shelf.Put("one-more", Entry("v"));
        var (_, storedUpdate) = shelf.Put("k0", Entry("w"));

        Assert.False(storedNew);
        Assert.Same(shelf, afterNew);
        Assert.True(storedUpdate);
    }

    [Theory]
    [InlineData("agent-1", true)]
    [InlineData("learning", true)]
    [InlineData("has space", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void Names_are_plain(string name, bool valid) => Assert.Equal(valid, MemoryShelf.IsName(name));
}
