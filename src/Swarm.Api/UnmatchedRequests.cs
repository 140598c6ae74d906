namespace Swarm.Api;

/// <summary>
/// The answer to a request no route takes, the same in both hosts: 405 when the path is a route's but the method is
/// not, 404 otherwise, as problem details. It reveals nothing a route table would not.
/// </summary>
public static class UnmatchedRequests
{
    public const string FunctionName = "Unmatched";

    public static ApiResponse Answer(string method, string path, string correlationId)
    {
        var segments = path.Trim('/').Split('/');
        var allowed = SwarmRoutes.All.Where(r => Matches(r.Template, segments)).Select(r => r.Method).Distinct().ToList();
        var problem = allowed.Count > 0
            ? new ProblemDetails("urn:swarm:problem:method-not-allowed", "The endpoint does not accept this method.", 405, $"{method} is not allowed on {path}; allowed: {string.Join(", ", allowed)}.")
            : IsWebSocketGuess(path) ? Problems.RealtimeNotHere(method, path) : Problems.RouteNotFound(method, path);
        var response = ApiResponse.Problem(problem with { Instance = path, CorrelationId = correlationId }).WithHeader(CorrelationIds.Header, correlationId);
        return allowed.Count > 0 ? response.WithHeader("Allow", string.Join(", ", allowed)) : response;
    }

    /// <summary>Where clients of the spec's WebSocket API look for it; the channel's URL comes from negotiate instead.</summary>
    static bool IsWebSocketGuess(string path) =>
        path.TrimEnd('/') is var trimmed && (trimmed.Equals("/ws", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("/ws/", StringComparison.OrdinalIgnoreCase));

    static bool Matches(string template, string[] segments)
    {
        var parts = template.Split('/');
        return parts.Length == segments.Length
            && parts.Zip(segments).All(p => (p.First.StartsWith('{') && p.Second.Length > 0) || string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }
}
