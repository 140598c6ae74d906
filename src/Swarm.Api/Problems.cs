using Swarm.Domain.Tasks;

namespace Swarm.Api;

/// <summary>The problem types the API uses. Types are URNs so they identify the problem without pointing at a web page.</summary>
public static class Problems
{
    const string Prefix = "urn:swarm:problem:";

    public static ProblemDetails Validation(IReadOnlyList<FieldError> errors) =>
        new(Prefix + "validation-failed", "The request is not valid.", 400, string.Join(" ", errors.Select(e => $"'{e.Field}' {e.Message}"))) { Errors = errors };

    public static ProblemDetails MalformedBody(string detail, string? field = null) =>
        new(Prefix + "malformed-body", "The request body could not be read.", 400, detail)
        {
            Errors = field is null ? null : [new FieldError(field, detail)],
        };

    public static ProblemDetails UnsupportedMediaType(string? contentType) =>
        new(Prefix + "unsupported-media-type", "The request body must be JSON.", 415, $"Content-Type was '{contentType ?? "(none)"}'; send application/json.");

    public static ProblemDetails PayloadTooLarge(int limit) =>
        new(Prefix + "payload-too-large", "The request body is too large.", 413, $"The limit is {limit} bytes.");

    public static ProblemDetails RequestBodyTimeout() =>
        new(Prefix + "request-body-timeout", "The request body arrived too slowly.", 408, "The body came in below the server's minimum data rate; send it again, faster.");

    public static ProblemDetails IncompleteBody() =>
        new(Prefix + "incomplete-body", "The request body ended early.", 400, "The connection ended before the body its Content-Length (or chunked encoding) promised.");

    public static ProblemDetails RequestHeadersTooLarge(int limit) =>
        new(Prefix + "request-headers-too-large", "The request headers are too large.", 431, $"The request's headers come to more than {limit} bytes; an API key or token is far smaller.");

    public static ProblemDetails NotFound(string detail) =>
        new(Prefix + "not-found", "The resource does not exist.", 404, detail);

    public static ProblemDetails Conflict(string detail) =>
        new(Prefix + "conflict", "The request conflicts with the swarm's state.", 409, detail);

    public static ProblemDetails RouteNotFound(string method, string path) =>
        new(Prefix + "route-not-found", "No such endpoint.", 404, $"{method} {path} is not an endpoint of this API.");

    public static ProblemDetails RealtimeNotHere(string method, string path) =>
        RouteNotFound(method, path) with
        {
            Detail = $"{method} {path} is not an endpoint of this API. The real-time channel has no fixed address: call GET /api/v1/realtime/negotiate with your credential and open a WebSocket to the url it returns.",
        };

    public static ProblemDetails Unauthenticated(string detail) =>
        new(Prefix + "unauthenticated", "Authentication is required.", 401, detail);

    public static ProblemDetails Forbidden(string permission) =>
        new(Prefix + "forbidden", "The caller lacks the permission this endpoint needs.", 403, $"This endpoint needs the '{permission}' permission.");

    /// <summary>A caller that holds the endpoint's permission but may not act on this resource, or not as what it is.</summary>
    public static ProblemDetails NotPermitted(string detail) =>
        new(Prefix + "forbidden", "The caller may not do this.", 403, detail);

    public static ProblemDetails RateLimited(TimeSpan retryAfter) =>
        new(Prefix + "rate-limited", "Too many requests.", 429, $"This caller's request rate is over its limit; retry after {retryAfter.TotalSeconds:0} s.");

    public static ProblemDetails AuditUnavailable() =>
        new(Prefix + "audit-unavailable", "The audit trail is unavailable.", 503, "The request could not be recorded in the audit trail; see its correlation id in the logs.");

    public static ProblemDetails NotReady(string detail) =>
        new(Prefix + "not-ready", "The service is not ready.", 503, detail);

    public static ProblemDetails NoChannelIdentity(string detail) =>
        new(Prefix + "no-channel-identity", "The caller has no identity the real-time channel can address.", 403, detail);

    public static ProblemDetails Unavailable(string detail) =>
        new(Prefix + "dependency-unavailable", "A dependency is unavailable.", 503, detail);

    public static ProblemDetails Unexpected() =>
        new(Prefix + "unexpected", "The request failed unexpectedly.", 500, "The failure was logged with this request's correlation id.");
}
