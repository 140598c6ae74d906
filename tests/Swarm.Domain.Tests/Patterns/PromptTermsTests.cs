using Swarm.Domain.Patterns;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>The lexical representation: how a prompt becomes words, and words become hashed features.</summary>
public sealed class PromptTermsTests
{
    [Fact]
    public void Words_are_lowercase_runs_of_letters_and_digits_without_stop_words()
    {
        Assert.Equal(["write", "sql", "query", "join", "order", "2024"], PromptTerms.Words("Write THE sql-query; which joins ORDERS (in 2024)?"));
    }

    [Fact]
    public void Full_width_letters_and_ligatures_are_folded_as_NFKC_does()
    {
        // The ligature "ﬁ" and full-width letters are the same words as their plain forms.
        Assert.Equal(["file", "sql"], PromptTerms.Words("ﬁle ＳＱＬ"));
    }

    [Fact]
    public void One_letter_and_overlong_tokens_are_dropped()
    {
        var overlong = new string('x', 33);
        Assert.Equal(["index", new string('y', 32)], PromptTerms.Words($"a b index {overlong} {new string('y', 32)}"));
    }

    [Theory]
    [InlineData("tables", "table")]
    [InlineData("indexes", "indexe")]
    [InlineData("bugs", "bugs")]
    [InlineData("class", "clas")]
    public void A_trailing_s_is_cut_from_words_longer_than_four_letters(string word, string expected)
    {
        Assert.Equal([expected], PromptTerms.Words(word));
    }

    [Fact]
    public void Plural_and_singular_prompts_have_the_same_features()
    {
        Assert.Equal(PromptTerms.From("database tables"), PromptTerms.From("the database table"));
    }

    [Fact]
    public void Features_are_words_and_adjacent_pairs_after_stop_words_are_dropped()
    {
        var terms = PromptTerms.From("explain the index of a table");

        Assert.Equal(
            new[] { TermCount.WordHash("explain"), TermCount.WordHash("index"), TermCount.WordHash("table"), TermCount.PairHash("explain", "index"), TermCount.PairHash("index", "table") }.Order(),
            terms.Terms.Select(t => t.Hash));
        Assert.Equal(2, terms.Terms.Count(t => t.IsPair));
    }

    [Fact]
    public void Repeated_words_are_counted()
    {
        var terms = PromptTerms.From("index index index");

        Assert.Equal(3, terms.Terms.Single(t => t.Hash == TermCount.WordHash("index")).Count);
        Assert.Equal(2, terms.Terms.Single(t => t.IsPair).Count);
    }

    [Fact]
    public void A_long_text_keeps_the_most_frequent_features()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}")) + " frequent frequent frequent";

        var terms = PromptTerms.From(text);

        Assert.Equal(TermCounts.MaxTerms, terms.Terms.Count);
        Assert.Contains(terms.Terms, t => t.Hash == TermCount.WordHash("frequent") && t.Count == 3);
    }

    [Fact]
    public void A_text_of_only_stop_words_has_no_features()
    {
        Assert.True(PromptTerms.From("what is the one which should be?").IsEmpty);
        Assert.True(PromptTerms.From(null).IsEmpty);
    }

    [Fact]
    public void The_stop_word_list_is_about_a_hundred_and_fifty_words()
    {
        Assert.InRange(StopWords.Count, 120, 160);
        Assert.True(StopWords.Contains("which"));
        Assert.False(StopWords.Contains("write"));
    }

    [Fact]
    public void Term_counts_read_back_from_json_as_they_were_written()
    {
        var terms = PromptTerms.From("write a SQL query joining orders and customers tables");

        var json = System.Text.Json.JsonSerializer.Serialize(terms);
        var back = System.Text.Json.JsonSerializer.Deserialize<TermCounts>(json);

        Assert.Equal(terms, back);
        Assert.StartsWith("\"", json, StringComparison.Ordinal);
    }
}
