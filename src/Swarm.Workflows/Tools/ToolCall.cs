namespace Swarm.Workflows.Tools;

/// <summary>One tool call a model asked for, as recorded in the task's history.</summary>
/// <param name="CallId">The vendor's id for the call; the result goes back under it.</param>
/// <param name="Arguments">The arguments as a JSON object, or null when the model's arguments could not be read.</param>
/// <param name="ArgumentProblem">Why the arguments could not be read; the model is told so instead of the tool running.</param>
public sealed record ToolCall(string CallId, string Name, string? Arguments, string? ArgumentProblem = null);
