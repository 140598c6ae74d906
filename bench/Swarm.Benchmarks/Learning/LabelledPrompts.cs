namespace Swarm.Benchmarks.Learning;

/// <summary>
/// The repository's labelled prompts (tests/Shared/Patterns/labelled-prompts.tsv, copied beside the benchmark): 5
/// categories of 40 hand-written task prompts, written to share generic words. The domain tests guard recall on them;
/// the learning bench draws its tasks from them and measures precision at k on them.
/// </summary>
sealed class LabelledPrompts
{
    LabelledPrompts(IReadOnlyList<LabelledPrompt> prompts)
    {
        All = prompts;
        Categories = [.. prompts.Select(p => p.Category).Distinct()];
    }

    public IReadOnlyList<LabelledPrompt> All { get; }

    /// <summary>The categories in the order the file first names them.</summary>
    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<LabelledPrompt> Of(string category) => [.. All.Where(p => p.Category == category)];

    public static LabelledPrompts Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Learning", "labelled-prompts.tsv");
        return new LabelledPrompts([.. File.ReadAllLines(path)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => new LabelledPrompt(p[0], p[1]))]);
    }
}

/// <summary>One line of the labelled set: the hidden category and the prompt.</summary>
sealed record LabelledPrompt(string Category, string Prompt);
