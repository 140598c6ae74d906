using System.Text.RegularExpressions;
using Swarm.Domain.Patterns;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// How well recall finds prompts of the same hidden category, leave-one-out over the labelled set: each prompt asks
/// among the other 199 for its top k, and precision is the share of them in its category (a missing result counts as
/// a miss). Three rankers: TF-IDF cosine as recall runs it (<c>TaskAtlas.Similar</c>, minimum similarity 0 so every
/// prompt gets k), the shared-word count memory search used before it moved to TF-IDF (18a4821: distinct lowercase words
/// of 3 letters or more, scored by how many the two texts share; restated here, since the domain no longer has it), and
/// a seeded random pick of k (whose expectation is 39/199 ≈ 0.196); and with the built-in embedding model's vectors,
/// cosine alone and the swarm's blend of words and meaning.
/// </summary>
static partial class PrecisionAtK
{
    public static IReadOnlyList<int> Ks { get; } = [1, 5, 10];

    const int RandomSeed = 4242;

    static readonly DateTimeOffset At = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Precision at each of <see cref="Ks"/>, per ranker, in the order TF-IDF, embeddings, words and meaning, word overlap, random.</summary>
    public static IReadOnlyList<(string Ranker, IReadOnlyList<double> Precision)> Measure(LabelledPrompts prompts, TaskVectors vectors)
    {
        var all = prompts.All;
        var largest = Ks.Max();
        var atlas = all.Select((p, i) => Fingerprint(i, p.Prompt)).Aggregate(new TaskAtlas(), (a, f) => a.Add(f, all.Count));
        var embedded = all.Select((p, i) => Fingerprint(i, p.Prompt) with { Embedding = vectors.Of(p.Prompt) }).Aggregate(new TaskAtlas(), (a, f) => a.Add(f, all.Count));
        var blended = new List<IReadOnlyList<int>>();
        var meaning = new List<IReadOnlyList<int>>();
        var random = new Random(RandomSeed);
        var tfidf = new List<IReadOnlyList<int>>();
        var overlap = new List<IReadOnlyList<int>>();
        var shuffled = new List<IReadOnlyList<int>>();
        for (var i = 0; i < all.Count; i++)
        {
            var query = all[i].Prompt;
            tfidf.Add([.. atlas.Similar(new SimilarQuery(PromptTerms.From(query), largest, 0, ExcludeTaskId: Id(i))).Select(h => IndexOf(h.Fingerprint.TaskId))]);
            var vector = vectors.Of(query);
            blended.Add([.. embedded.Similar(new SimilarQuery(PromptTerms.From(query), largest, 0, ExcludeTaskId: Id(i), Embedding: vector)).Select(h => IndexOf(h.Fingerprint.TaskId))]);
            meaning.Add([.. Enumerable.Range(0, all.Count).Where(j => j != i)
                .Select(j => (Index: j, Cosine: vector.CosineWith(vectors.Of(all[j].Prompt)) ?? 0))
                .OrderByDescending(h => h.Cosine)
                .ThenBy(h => h.Index)
                .Take(largest)
                .Select(h => h.Index)]);
            var others = Enumerable.Range(0, all.Count).Where(j => j != i).ToList();
            var wanted = Words(query);
            overlap.Add([.. others
                .Select(j => (Index: j, Shared: Words(all[j].Prompt).Count(wanted.Contains)))
                .Where(h => h.Shared > 0)
                .OrderByDescending(h => h.Shared)
                .ThenBy(h => h.Index)
                .Take(largest)
                .Select(h => h.Index)]);
            shuffled.Add([.. others.OrderBy(_ => random.Next()).Take(largest)]);
        }

        return
        [
            ("TF-IDF cosine (`TaskAtlas.Similar`)", Precision(prompts, tfidf)),
            ("Embeddings alone (minilm, cosine of the stored vectors)", Precision(prompts, meaning)),
            ("Words and meaning (`TaskAtlas.Similar` with minilm vectors: 0.5 × TF-IDF + 0.5 × cosine)", Precision(prompts, blended)),
            ("Word overlap (shared words, memory search's rule before 18a4821)", Precision(prompts, overlap)),
            ("Random (seeded)", Precision(prompts, shuffled)),
        ];
    }

    static IReadOnlyList<double> Precision(LabelledPrompts prompts, IReadOnlyList<IReadOnlyList<int>> results) =>
        [.. Ks.Select(k => results.Select((hits, i) => hits.Take(k).Count(j => prompts.All[j].Category == prompts.All[i].Category) / (double)k).Average())];

    static TaskFingerprint Fingerprint(int index, string prompt) => new(
        Id(index), At.AddMinutes(index), "bench", SimulatedPanel.Capability, [SimulatedPanel.Capability], Swarm.Domain.Tasks.TaskStrategy.Single,
        Swarm.Domain.Tasks.TaskRunStatus.Completed, null, 0, 0, [], PromptTerms.From(prompt));

    static string Id(int index) => $"p{index}";

    /// <summary>The old memory search's words: distinct, lowercase, 3 letters or more (shorter ones are mostly noise).</summary>
    static HashSet<string> Words(string text) =>
        [.. WordShape().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3)];

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordShape();

    static int IndexOf(string id) => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture);
}
