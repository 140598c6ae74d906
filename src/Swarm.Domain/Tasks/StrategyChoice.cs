namespace Swarm.Domain.Tasks;

/// <summary>The strategy a task runs with and why, as recorded in its timeline.</summary>
public sealed record StrategyChoice(TaskStrategy Strategy, string Reason)
{
    /// <summary>
    /// Resolves <see cref="TaskStrategy.Auto"/> from the task's shape: stages make a pipeline; more than one agent makes
    /// a parallel task; several capabilities that no single step should carry alone make a hierarchical task (a queen
    /// splits it); anything else runs on one agent. An explicit strategy is kept, with that as its reason.
    /// </summary>
    public static StrategyChoice For(TaskStrategy requested, int agents, int stages, int capabilities) => requested switch
    {
        not TaskStrategy.Auto => new(requested, "requested"),
        _ when stages > 0 => new(TaskStrategy.Pipeline, $"auto: the task names {stages} stages"),
        _ when agents > 1 => new(TaskStrategy.Parallel, $"auto: the task asks for {agents} agents"),
        _ when capabilities > 1 => new(TaskStrategy.Hierarchical, $"auto: the task needs {capabilities} capabilities, so a queen splits it"),
        _ => new(TaskStrategy.Single, "auto: one prompt, at most one capability"),
    };
}
