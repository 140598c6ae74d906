namespace Swarm.Api.Endpoints.Visibility;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/share</c> and <c>POST /api/v1/consensus/proposals/{id}/share</c>: who else may read it.</summary>
/// <param name="With">Subjects (as their tokens name them), or <c>role:{name}</c> for everyone holding a role.</param>
public sealed record ShareBody(IReadOnlyList<string>? With);
