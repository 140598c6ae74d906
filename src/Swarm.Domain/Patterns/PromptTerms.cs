using System.Text;
using System.Text.RegularExpressions;

namespace Swarm.Domain.Patterns;

/// <summary>
/// The lexical representation of a text, needing no model (so it works offline and in tests): compatibility forms
/// folded (full-width letters and digits, Latin ligatures: the NFKC cases prompts meet), lowercase;
/// words are runs of letters and digits; words of one character or over 32, and <see cref="StopWords"/>, are dropped;
/// a trailing "s" is cut from words longer than 4 letters ("tables" and "table" meet; nothing subtler, so the rule is
/// predictable); features are the words and each pair of adjacent words (after stop words are dropped), hashed into
/// <see cref="TermCounts"/>. Deterministic and culture-invariant.
/// </summary>
public static partial class PromptTerms
{
    const int LongestWord = 32;

    /// <summary>The features of <paramref name="text"/>: its words and adjacent pairs, the most frequent <see cref="TermCounts.MaxTerms"/> kept.</summary>
    public static TermCounts From(string? text)
    {
        var words = Words(text);
        var features = new List<TermCount>(words.Count * 2);
        for (var i = 0; i < words.Count; i++)
        {
            features.Add(new TermCount(TermCount.WordHash(words[i]), 1));
            if (i > 0)
            {
                features.Add(new TermCount(TermCount.PairHash(words[i - 1], words[i]), 1));
            }
        }

        return new TermCounts(features);
    }

    /// <summary>The words <see cref="From"/> counts, in order: normalised, filtered and with plurals cut.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normal = FoldCompatibilityForms(text).ToLowerInvariant();
        var words = new List<string>();
        foreach (var token in Separator().Split(normal))
        {
            if (token.Length < 2 || token.Length > LongestWord || StopWords.Contains(token))
            {
                continue;
            }

            words.Add(token.Length > 4 && token[^1] == 's' ? token[..^1] : token);
        }

        return words;
    }

    /// <summary>
    /// The part of NFKC that matters for prompts, done here rather than by <see cref="string.Normalize(NormalizationForm)"/>:
    /// the hosts run with invariant globalization, where that call leaves such text unchanged, and a fingerprint must
    /// not depend on which ICU a machine has (orchestrations compute terms on replay too).
    /// </summary>
    static string FoldCompatibilityForms(string text)
    {
        if (text.All(c => c < 0xFB00))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => folded.Append((char)(c - 0xFF01 + 0x21)),
                '\uFB00' => folded.Append("ff"),
                '\uFB01' => folded.Append("fi"),
                '\uFB02' => folded.Append("fl"),
                '\uFB03' => folded.Append("ffi"),
                '\uFB04' => folded.Append("ffl"),
                '\uFB05' or '\uFB06' => folded.Append("st"),
                _ => folded.Append(c),
            };
        }

        return folded.ToString();
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
