namespace Swarm.Workflows.Models;

/// <summary>
/// The provider refused the call for a reason a retry cannot fix (a bad key, an unknown model, a malformed request),
/// or its output could not be used. Durable retries skip it, so one bad setting costs one call, not a retry storm.
/// </summary>
public sealed class ModelCallRejectedException : ModelCallFailedException
{
    public ModelCallRejectedException()
    {
    }

    public ModelCallRejectedException(string message)
        : base(message)
    {
    }

    public ModelCallRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
