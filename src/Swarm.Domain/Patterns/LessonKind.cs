namespace Swarm.Domain.Patterns;

/// <summary>What a lesson comes from, which decides who may be told it.</summary>
public enum LessonKind
{
    /// <summary>The task failed; the lesson names only the strategy, stage, agent and failure type, so it is always shared.</summary>
    Failure,

    /// <summary>A person rated the task badly; the lesson may carry their comment, so it stays with their own tasks unless sharing is on.</summary>
    Rating,
}
