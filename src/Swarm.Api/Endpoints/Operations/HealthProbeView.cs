using Swarm.Application.Health;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>This instance's latest periodic health probe; <paramref name="Report"/> is null until the first has run.</summary>
public sealed record HealthProbeView(ReadinessReport? Report);
