namespace Swarm.Api.Endpoints.Visibility;

/// <summary>The answer to a share: the task or proposal, who was named (each once), and where to read it.</summary>
public sealed record ResourceShared(string Id, IReadOnlyList<string> SharedWith, string Location);
