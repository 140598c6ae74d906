namespace Swarm.Benchmarks.Learning;

/// <summary>
/// The tasks of one seed, the same for every variant (so variants are compared on the same tasks and the same luck):
/// a category drawn uniformly, a prompt of it with each word dropped with probability one fifth (so a repeated prompt is
/// rarely identical), and a uniform draw that decides the outcome: the chosen agent succeeds when the draw is below its
/// hidden accuracy.
/// </summary>
sealed class TaskStream
{
    const double DropWord = 0.2;

    public TaskStream(LabelledPrompts prompts, int seed, int count)
    {
        var random = new Random(seed);
        var tasks = new List<SimulatedTask>(count);
        for (var i = 0; i < count; i++)
        {
            var category = prompts.Categories[random.Next(prompts.Categories.Count)];
            var pool = prompts.Of(category);
            var source = random.Next(pool.Count);
            var words = pool[source].Prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kept = words.Where(_ => random.NextDouble() >= DropWord).ToArray();
            tasks.Add(new SimulatedTask(i, category, SourceKey(category, source), string.Join(' ', kept.Length > 0 ? kept : words), random.NextDouble()));
        }

        Tasks = tasks;
        Seed = seed;
    }

    public int Seed { get; }

    /// <summary>The key that names a source prompt: its category and its place among the category's prompts.</summary>
    public static string SourceKey(string category, int index) => FormattableString.Invariant($"{category}-{index:D2}");

    public IReadOnlyList<SimulatedTask> Tasks { get; }
}

/// <summary>One task of the sequence: its hidden category and source prompt, the prompt the router sees (the source with words dropped), and the draw that decides its outcome.</summary>
sealed record SimulatedTask(int Index, string Category, string Source, string Prompt, double OutcomeDraw)
{
    public string TaskId => $"task-{Index + 1:D4}";
}
