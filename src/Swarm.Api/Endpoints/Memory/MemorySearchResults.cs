namespace Swarm.Api.Endpoints.Memory;

/// <summary>The entries of a namespace most like a query, best first.</summary>
public sealed record MemorySearchResults(string Namespace, string Query, IReadOnlyList<MemorySearchHit> Hits);
