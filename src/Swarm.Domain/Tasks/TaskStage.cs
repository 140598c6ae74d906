namespace Swarm.Domain.Tasks;

/// <summary>One stage of a pipeline task, e.g. the spec's writer → editor → fact-checker.</summary>
/// <param name="Name">What the stage is called in the result and timeline, e.g. <c>editor</c>.</param>
/// <param name="Instruction">What the stage's agent is asked to do with the previous output.</param>
/// <param name="Capabilities">Expertise the stage's agent must have.</param>
public sealed record TaskStage(string? Name, string? Instruction, IReadOnlyList<string>? Capabilities = null);
