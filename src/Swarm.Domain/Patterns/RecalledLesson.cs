namespace Swarm.Domain.Patterns;

/// <summary>A lesson recalled for a new task, with the similar task it came from (named in the timeline).</summary>
public sealed record RecalledLesson(string TaskId, double Similarity, Lesson Lesson);
