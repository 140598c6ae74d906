namespace Swarm.Api.Endpoints;

/// <summary>The answer of <c>GET /ready</c>: <c>ready</c> (200) or <c>not-ready</c> (503), with each dependency's check.</summary>
public sealed record ReadinessView(string Status, IReadOnlyDictionary<string, string> Checks, DateTimeOffset CheckedAt);
