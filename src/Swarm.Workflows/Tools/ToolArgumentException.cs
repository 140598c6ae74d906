namespace Swarm.Workflows.Tools;

/// <summary>A tool's arguments were missing or malformed; the message, which names the argument, goes back to the model.</summary>
public sealed class ToolArgumentException : Exception
{
    public ToolArgumentException()
    {
    }

    public ToolArgumentException(string message)
        : base(message)
    {
    }

    public ToolArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
