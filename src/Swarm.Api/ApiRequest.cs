using Swarm.Application.Security;

namespace Swarm.Api;

/// <summary>
/// An HTTP request as the handlers see it, the same whichever host received it. Each host copies its own
/// request type into this one, so the handlers are written once.
/// </summary>
public sealed record ApiRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public IReadOnlyDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>Header values by name, case-insensitive; repeated headers are joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public Stream Body { get; init; } = Stream.Null;

    public string? ClientAddress { get; init; }

    /// <summary>From the <c>X-Correlation-Id</c> header when the client sent a sane one, otherwise new; returned on every response.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>Who is calling; set by <see cref="ApiDispatcher"/> once the bearer token checks out.</summary>
    public SwarmPrincipal? Principal { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the client sent a body (a non-zero Content-Length, or a chunked one), whatever its Content-Type says.</summary>
    public bool DeclaresBody => (Header("Content-Length") is { } length && length != "0") || Header("Transfer-Encoding") is not null;
}
