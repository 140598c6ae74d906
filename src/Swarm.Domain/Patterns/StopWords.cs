namespace Swarm.Domain.Patterns;

/// <summary>
/// The English words that say nothing about what a task is about ("the", "which", "should"), left out of a prompt's
/// terms. A fixed list, so a fingerprint computed today matches one computed next year; task verbs ("write",
/// "explain") stay in, because inverse document frequency already discounts words every task uses.
/// </summary>
public static class StopWords
{
    static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during",
        "each", "either", "else", "etc", "ever", "every", "few", "for", "from", "further",
        "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
        "how", "however", "if", "in", "into", "is", "it", "its", "itself", "just",
        "let", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "per", "please", "same", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via",
        "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
    };

    /// <summary>How many words the list holds.</summary>
    public static int Count => Words.Count;

    /// <summary>Whether <paramref name="token"/> (already lowercase) is a stop word.</summary>
    public static bool Contains(string token) => Words.Contains(token);
}
