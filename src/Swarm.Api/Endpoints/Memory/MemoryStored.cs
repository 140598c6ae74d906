namespace Swarm.Api.Endpoints.Memory;

/// <summary>A value accepted for a key; <paramref name="Location"/> reads it back.</summary>
public sealed record MemoryStored(string Namespace, string Key, string Location);
