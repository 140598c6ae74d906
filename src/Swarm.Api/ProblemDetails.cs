using Swarm.Domain.Tasks;

namespace Swarm.Api;

/// <summary>
/// An RFC 9457 problem details document: every error the API returns has this shape, in both hosts.
/// <see cref="Type"/> names the kind of problem; <see cref="Detail"/> says what went wrong with this request.
/// </summary>
public sealed record ProblemDetails(string Type, string Title, int Status, string? Detail)
{
    public string? Instance { get; init; }

    /// <summary>Per-field problems, for validation failures.</summary>
    public IReadOnlyList<FieldError>? Errors { get; init; }

    /// <summary>The request's correlation id, to find it in the logs and the audit trail.</summary>
    public string? CorrelationId { get; init; }
}
