using Swarm.Domain.Patterns;
using static Swarm.Domain.Tests.Patterns.Fingerprints;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>
/// Recall quality on the repository's labelled prompts (tests/Shared/Patterns/labelled-prompts.tsv: 5 categories × 40,
/// written to share generic words): a guard against changes to the representation or the scoring that make recall worse.
/// </summary>
public sealed class LabelledPromptsTests
{
    static readonly IReadOnlyList<(string Category, string Prompt)> Prompts = [.. File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Patterns", "labelled-prompts.tsv"))
        .Where(l => l.Length > 0)
        .Select(l => l.Split('\t'))
        .Select(p => (p[0], p[1]))];

    [Fact]
    public void The_labelled_set_is_five_categories_of_forty()
    {
        Assert.Equal(200, Prompts.Count);
        Assert.All(Prompts.GroupBy(p => p.Category), g => Assert.Equal(40, g.Count()));
        Assert.Equal(200, Prompts.Select(p => p.Prompt).Distinct().Count());
    }

    [Fact]
    public void Precision_at_5_on_the_labelled_prompts_is_at_least_0_7()
    {
        // Leave one out: each prompt queries an atlas of the other 199, through the same path recall takes.
        var atlas = Prompts.Select((p, i) => Of($"p{i}", p.Prompt, minute: i)).Aggregate(new TaskAtlas(), (a, f) => a.Add(f));

        var precision = Prompts.Select((p, i) =>
        {
            var hits = atlas.Similar(new SimilarQuery(PromptTerms.From(p.Prompt), 5, 0, ExcludeTaskId: $"p{i}"));
            return hits.Count(h => Prompts[int.Parse(h.Fingerprint.TaskId[1..], System.Globalization.CultureInfo.InvariantCulture)].Category == p.Category) / 5.0;
        }).Average();

        Assert.True(precision >= 0.7, $"precision@5 was {precision:0.000}");
    }
}
