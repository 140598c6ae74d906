namespace Swarm.Workflows.Models;

/// <summary>An agent names a provider this swarm cannot call; the message says which setting is missing.</summary>
public sealed class ProviderNotConfiguredException : InvalidOperationException
{
    public ProviderNotConfiguredException()
    {
    }

    public ProviderNotConfiguredException(string message)
        : base(message)
    {
    }

    public ProviderNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
