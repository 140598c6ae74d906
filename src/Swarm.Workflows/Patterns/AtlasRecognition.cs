using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>What <see cref="TaskAtlasEntity.Recognise"/> answers: the similar tasks, and the id of the prompt's pattern (null: none near enough yet).</summary>
public sealed record AtlasRecognition(IReadOnlyList<SimilarTask> Similar, int? Pattern);
