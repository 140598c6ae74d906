namespace Swarm.Domain.Patterns;

/// <summary>A past task found like the query, and how alike (cosine similarity in (0, 1]).</summary>
public sealed record SimilarTask(TaskFingerprint Fingerprint, double Similarity);
