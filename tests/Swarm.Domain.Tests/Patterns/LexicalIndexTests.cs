using CsCheck;
using Swarm.Domain.Patterns;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>TF-IDF cosine scoring: what ranks above what, and that scores stay in [0, 1].</summary>
public sealed class LexicalIndexTests
{
    [Fact]
    public void Identical_prompts_score_one()
    {
        var prompt = PromptTerms.From("Write a SQL query that lists customers with the most orders");
        var index = new LexicalIndex([prompt, PromptTerms.From("Explain photosynthesis in plants")]);

        Assert.Equal(1, index.Similarities(prompt)[0], 9);
    }

    [Fact]
    public void Prompts_that_share_nothing_score_zero()
    {
        var index = new LexicalIndex([PromptTerms.From("database index tuning")]);

        Assert.Equal(0, index.Similarities(PromptTerms.From("photosynthesis chloroplast"))[0]);
        Assert.Equal(0, index.Similarities(TermCounts.Empty)[0]);
    }

    [Fact]
    public void A_rare_shared_word_outranks_a_common_one()
    {
        // "write" is in every document, "postgres" in one: sharing the rare word says more.
        var index = new LexicalIndex([
            PromptTerms.From("write postgres notes"),
            PromptTerms.From("write a poem"),
            PromptTerms.From("write a letter"),
            PromptTerms.From("write a story"),
        ]);

        var scores = index.Similarities(PromptTerms.From("write postgres"));

        Assert.True(scores[0] > scores[1], $"{scores[0]} should be above {scores[1]}");
    }

    [Fact]
    public void A_shared_word_pair_outranks_the_same_words_apart()
    {
        var index = new LexicalIndex([
            PromptTerms.From("unit test runner"),
            PromptTerms.From("test unit runner"),
        ]);

        var scores = index.Similarities(PromptTerms.From("unit test"));

        Assert.True(scores[0] > scores[1]);
    }

    static readonly Gen<string> AnyText = Gen.String[Gen.Char["abcdefgh "], 0, 60];

    [Fact]
    public void Similarity_is_symmetric_and_within_zero_and_one()
    {
        Gen.Select(AnyText, AnyText, AnyText).Sample((a, b, c) =>
        {
            var (ta, tb, tc) = (PromptTerms.From(a), PromptTerms.From(b), PromptTerms.From(c));
            var ab = new LexicalIndex([ta, tb, tc]).Similarities(ta)[1];
            var ba = new LexicalIndex([ta, tb, tc]).Similarities(tb)[0];
            return ab is >= 0 and <= 1 && Math.Abs(ab - ba) < 1e-12;
        });
    }
}
