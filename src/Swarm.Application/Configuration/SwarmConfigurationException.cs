namespace Swarm.Application.Configuration;

/// <summary>The settings are not usable; <see cref="Exception.Message"/> lists every problem with the key it concerns.</summary>
public sealed class SwarmConfigurationException : Exception
{
    public SwarmConfigurationException()
    {
    }

    public SwarmConfigurationException(string message)
        : base(message)
    {
    }

    public SwarmConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SwarmConfigurationException(IReadOnlyList<string> problems)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  - " + p)))
    {
        Problems = problems ?? [];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
