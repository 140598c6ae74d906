namespace Swarm.Api.Endpoints.Operations;

/// <summary>The answer of <c>GET /api/v1/system/health</c>: <c>healthy</c> or <c>degraded</c>, each check, the latest periodic probe.</summary>
public sealed record SystemHealthView(
    string Status,
    IReadOnlyDictionary<string, string> Checks,
    DateTimeOffset CheckedAt,
    HealthProbeView LastProbe,
    RealtimeStatus Realtime,
    InstanceSnapshot Instance);
