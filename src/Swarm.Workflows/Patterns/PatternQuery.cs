using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>A recall that also asks which pattern the prompt belongs to (<see cref="TaskAtlasEntity.Recognise"/>).</summary>
public sealed record PatternQuery(SimilarQuery Similar, PatternClustering Keys);
