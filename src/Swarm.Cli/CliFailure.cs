namespace Swarm.Cli;

/// <summary>
/// A command that cannot go on: the message goes to standard error and <see cref="ExitCode"/> ends the process. Thrown
/// where the cause is known, caught once in <see cref="SwarmCli"/>.
/// </summary>
sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
