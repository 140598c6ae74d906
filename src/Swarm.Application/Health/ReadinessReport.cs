namespace Swarm.Application.Health;

/// <summary>The result of one readiness check: ready only when every dependency answered.</summary>
/// <param name="Checks">Each dependency and <c>ok</c>, or a short reason it is not.</param>
public sealed record ReadinessReport(bool Ready, IReadOnlyDictionary<string, string> Checks, DateTimeOffset CheckedAt);
