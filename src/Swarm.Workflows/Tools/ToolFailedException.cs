namespace Swarm.Workflows.Tools;

/// <summary>A tool call's error result, carried to the vendor adapters so a format with an error flag can set it; never thrown.</summary>
public sealed class ToolFailedException : Exception
{
    public ToolFailedException()
    {
    }

    public ToolFailedException(string message)
        : base(message)
    {
    }

    public ToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
