using System.Text.Json;

namespace Swarm.Api;

/// <summary>An HTTP response as the handlers produce it; each host writes it out with <see cref="WriteBodyAsync"/>.</summary>
public sealed record ApiResponse(int Status, object? Body, string ContentType = ApiResponse.Json)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>What the audit record of this request should add (e.g. the id of a key it issued); never sent to the client, never a secret.</summary>
    public string? AuditDetail { get; init; }

    public static ApiResponse Ok(object body) => new(200, body);

    public static ApiResponse Accepted(object body, string location) =>
        new(202, body) { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static ApiResponse Problem(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, problem, ProblemJson);
    }

    public ApiResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };

    /// <summary>Writes the body: a byte array as it is (a static file's content), a streamed body as it is produced (the MCP endpoint's events), anything else as JSON.</summary>
    public Task WriteBodyAsync(Stream destination, CancellationToken cancellationToken) => Body switch
    {
        null => Task.CompletedTask,
        byte[] bytes => destination.WriteAsync(bytes, cancellationToken).AsTask(),
        IStreamedBody streamed => streamed.WriteToAsync(destination, cancellationToken),
        _ => JsonSerializer.SerializeAsync(destination, Body, Body.GetType(), ApiJson.Options, cancellationToken),
    };
}
