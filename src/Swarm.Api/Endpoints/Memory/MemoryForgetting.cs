namespace Swarm.Api.Endpoints.Memory;

/// <summary>A key being removed from its namespace.</summary>
public sealed record MemoryForgetting(string Namespace, string Key, string Status);
