namespace Swarm.Domain.Tasks;

/// <summary>How a task's work is spread over agents.</summary>
public enum TaskStrategy
{
    /// <summary>Chosen from the task's shape; the choice and its reason are recorded.</summary>
    Auto,

    /// <summary>The best-fitting agent answers.</summary>
#pragma warning disable CA1720 // "single" is the spec's name for the strategy, not a type.
    Single,
#pragma warning restore CA1720

    /// <summary>N distinct agents answer independently; the answers are returned side by side and, if asked, merged by a queen.</summary>
    Parallel,

    /// <summary>Ordered stages, each on an agent fitting the stage, each seeing the previous stage's output.</summary>
    Pipeline,

    /// <summary>A queen splits the task into subtasks, fitting agents run them in parallel, the queen assembles the answer.</summary>
    Hierarchical,

    /// <summary>N agents answer, then vote on their answers in a durable consensus round; the winning answer is the result.</summary>
    Consensus,
}
