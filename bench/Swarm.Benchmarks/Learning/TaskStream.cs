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
            var words = pool[random.Next(pool.Count)].Prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kept = words.Where(_ => random.NextDouble() >= DropWord).ToArray();
            tasks.Add(new SimulatedTask(i, category, string.Join(' ', kept.Length > 0 ? kept : words), random.NextDouble()));
        }

        Tasks = tasks;
        Seed = seed;
    }

    public int Seed { get; }

    public IReadOnlyList<SimulatedTask> Tasks { get; }
}

/// <summary>One task of the sequence: its hidden category, the prompt the router sees, and the draw that decides its outcome.</summary>
sealed record SimulatedTask(int Index, string Category, string Prompt, double OutcomeDraw)
{
    public string TaskId => $"task-{Index + 1:D4}";
}
