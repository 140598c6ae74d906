using Swarm.Domain.Learning;
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

    [Fact]
    public void A_rare_shared_word_outranks_common_ones()
    {
        // Four entries hold "status" and "report"; one holds "kubernetes". Counting shared words would put any of the
        // four first (two words to one); over this shelf, the rare word says more.
        var shelf = ShelfOf(
            ("billing", Entry("status of the billing report")),
            ("hiring", Entry("status of the hiring report")),
            ("sales", Entry("status of the sales report")),
            ("support", Entry("status of the support report")),
            ("cluster", Entry("kubernetes upgrade checklist")));

        var hits = shelf.Search("kubernetes status report", 10);

        Assert.Equal("cluster", hits[0].Key);
        Assert.Equal(5, hits.Count);
        Assert.All(hits.Skip(1), h => Assert.True(h.Score < hits[0].Score));
    }

    [Fact]
    public void An_entry_identical_to_the_query_scores_one_and_one_sharing_nothing_is_left_out()
    {
        var shelf = ShelfOf(("a", Entry("deploy billing service")), ("b", Entry("bake sourdough bread")));

        var hits = shelf.Search("a deploy billing service", 10);

        Assert.Equal("a", Assert.Single(hits).Key);
        Assert.True(hits[0].Score > 0.7);
        Assert.Empty(shelf.Search("the of and", 10));
    }

    const string Model = "openai:text-embedding-3-small";

    static MemoryEntry Embedded(string value, params float[] vector) =>
        new(value, DateTimeOffset.UnixEpoch, "tester", Sealed: false, QuantizedEmbedding.From(Model, vector));

    static MemoryShelf ShelfOf(params (string Key, MemoryEntry Entry)[] entries) =>
        entries.Aggregate(new MemoryShelf(), (shelf, e) => shelf.Put(e.Key, e.Entry).Shelf);

    [Fact]
    public void A_vector_of_the_query_s_model_joins_the_words_half_and_half()
    {
        var shelf = ShelfOf(("deploy", Embedded("deploy the billing service on friday", 1f, 0f, 0f)));
        var query = QuantizedEmbedding.From(Model, [0.6f, 0.8f, 0f]);

        var plain = Assert.Single(shelf.Search("billing deploy", 5));
        var joined = Assert.Single(shelf.Search("billing deploy", 5, query));

        var cosine = query.CosineWith(shelf.Entries["deploy"].Embedding!)!.Value;
        Assert.Equal((0.5 * plain.Score) + (0.5 * cosine), joined.Score, 10);
        Assert.True(plain.Score is > 0 and <= 1);
    }

    [Fact]
    public void An_entry_sharing_no_word_matches_by_meaning_only_above_the_floor()
    {
        var shelf = ShelfOf(
            ("close", Embedded("invoice totals for march", 1f, 0.1f, 0f)),
            ("far", Embedded("hiking boots on sale", 0f, 0.1f, 1f)));

        var hits = shelf.Search("quarterly revenue", 5, QuantizedEmbedding.From(Model, [1f, 0f, 0f]));

        Assert.Equal("close", Assert.Single(hits).Key);
        Assert.True(hits[0].Score >= 0.5 * MemoryShelf.MinMeaningCosine);
    }

    [Fact]
    public void A_vector_of_another_model_is_ignored_and_the_words_decide()
    {
        var shelf = ShelfOf(("deploy", Embedded("deploy the billing service", 1f, 0f)));

        var plain = shelf.Search("billing", 5);
        var other = shelf.Search("billing", 5, QuantizedEmbedding.From("local:nomic-embed-text", [1f, 0f]));

        Assert.Equal(plain, other);
        Assert.Empty(shelf.Search("quarterly revenue", 5, QuantizedEmbedding.From("local:nomic-embed-text", [1f, 0f])));
    }
}
