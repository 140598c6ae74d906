namespace Swarm.Api.Contract;

/// <summary>One successful answer of a route: its status code, the type of its JSON body (none for 204) and what it means.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body's type as the handler returns it, serialized with <see cref="ApiJson.Options"/>; null for no body.</param>
/// <param name="Description">What this answer means to the caller.</param>
public sealed record ApiResult(int Status, Type? Body, string Description)
{
    /// <summary>For an answer that is text, not JSON (<see cref="Body"/> null): its media type, declared as a string.</summary>
    public string? TextMediaType { get; init; }

    public static ApiResult Ok<T>(string description) => new(200, typeof(T), description);

    public static ApiResult Created<T>(string description) => new(201, typeof(T), description);

    public static ApiResult Accepted<T>(string description) => new(202, typeof(T), description);

    public static ApiResult NoContent(string description) => new(204, null, description);

    /// <summary>
    /// A JSON object whose shape no type describes yet, because its handler builds it field by field (the metrics); the
    /// document promises an object and no more, and says so.
    /// </summary>
    public static ApiResult UntypedOk(string description) => new(200, typeof(System.Text.Json.Nodes.JsonObject), description + " (Its fields are not described by a type yet; see the handler's documentation.)");
}
