namespace Swarm.Api;

/// <summary>Thrown by request parsing to end the request with a problem response; the dispatcher turns it into one.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException()
        : this(Problems.Unexpected())
    {
    }

    public ApiProblemException(string message)
        : this(Problems.MalformedBody(message))
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = Problems.MalformedBody(message);
    }

    public ApiProblemException(ProblemDetails problem)
        : base(problem?.Detail)
    {
        Problem = problem ?? Problems.Unexpected();
    }

    public ProblemDetails Problem { get; }
}
