namespace Swarm.Workflows.Tools;

/// <summary>What a tool gave back, as text for the model. An error is a result too: the model reads it and goes on.</summary>
/// <param name="Text">The tool's output (or the error's description), already capped by the caller's limits.</param>
/// <param name="IsError">True when the tool failed, refused, or was not allowed; the model is told so.</param>
public sealed record ToolResult(string Text, bool IsError)
{
    public static ToolResult Ok(string text) => new(text, false);

    public static ToolResult Error(string text) => new(text, true);
}
