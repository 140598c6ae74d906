namespace Swarm.Api.Contract;

/// <summary>
/// What a route promises its clients, declared beside it in <see cref="SwarmRoutes"/>: a summary, the body it reads,
/// the query parameters and headers its handler reads, and what it answers when it succeeds. The OpenAPI document
/// (<see cref="OpenApiDocument"/>) is generated from these and the real request and response types, so a route cannot
/// be added without saying what it takes and gives. Errors need no declaring: every route answers them with
/// <see cref="ProblemDetails"/>, and the document says so for each.
/// </summary>
/// <param name="Summary">One line, imperative ("Submit a task"); the operation's summary.</param>
/// <param name="Results">The successful answers, by status code.</param>
public sealed record ApiContract(string Summary, params ApiResult[] Results)
{
    /// <summary>More than the summary: what a caller must know. The permission is added by the generator.</summary>
    public string? Description { get; init; }

    /// <summary>The JSON body the handler reads, if any; must agree with <see cref="ApiRoute.TakesBody"/>.</summary>
    public Type? Body { get; init; }

    /// <summary>Whether the body may be left out (an approval without a comment, a heartbeat without a status).</summary>
    public bool BodyOptional { get; init; }

    /// <summary>The query parameters the handler reads; any other is ignored or refused by the handler, never guessed at.</summary>
    public IReadOnlyList<ApiParameter> Query { get; init; } = [];

    /// <summary>The request headers the handler reads beyond the credential (e.g. <c>Idempotency-Key</c>).</summary>
    public IReadOnlyList<ApiParameter> Headers { get; init; } = [];
}
