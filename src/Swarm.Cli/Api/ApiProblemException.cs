namespace Swarm.Cli.Api;

/// <summary>The swarm answered a request with <see cref="Problem"/>; the command ends with its exit code.</summary>
sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Describe())
{
    public ApiProblem Problem { get; } = problem;
}
