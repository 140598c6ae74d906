namespace Swarm.Workflows.Tools;

/// <summary>
/// One round of an agent's tool loop: what the model said and asked for, and what each call gave back. The model
/// sees every earlier round on its next turn.
/// </summary>
/// <param name="Text">Any text the model wrote beside its calls.</param>
/// <param name="Results">One result per call, under the call's id.</param>
public sealed record ToolRound(string? Text, IReadOnlyList<ToolCall> Calls, IReadOnlyList<ToolCallResult> Results);

/// <summary>What a call of <see cref="ToolRound.Calls"/> gave back.</summary>
public sealed record ToolCallResult(string CallId, string Name, ToolResult Result);
