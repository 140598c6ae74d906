namespace Swarm.Api.Endpoints.Memory;

/// <summary>The keys of a memory namespace, in order, with who last wrote each and when.</summary>
public sealed record MemoryKeys(string Namespace, IReadOnlyList<MemoryKeyView> Keys);
