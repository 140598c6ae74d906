namespace Swarm.Api.Endpoints.Memory;

/// <summary>The body of <c>PUT /api/v1/memory/{namespace}/{key}</c>.</summary>
public sealed record MemoryValueBody(string? Value);
