using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>Bounds on what one task may carry, so a single request cannot bloat durable history.</summary>
public sealed record TaskLimits(int MaxPromptLength = 32_000, int MaxMetadataEntries = 32, int MaxMetadataValueLength = 1_024);
