namespace Swarm.Workflows.Models;

/// <summary>
/// A model call failed for a reason that may pass (rate limit, overload, timeout, an open circuit): a durable retry
/// later may succeed. The message names the provider, the model and what went wrong, never a key.
/// </summary>
public class ModelCallFailedException : Exception
{
    public ModelCallFailedException()
    {
    }

    public ModelCallFailedException(string message)
        : base(message)
    {
    }

    public ModelCallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
