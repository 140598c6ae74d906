namespace Swarm.Api.Endpoints.Tasks;

/// <summary>The optional body of approve and reject: why.</summary>
public sealed record ApprovalBody(string? Comment);
