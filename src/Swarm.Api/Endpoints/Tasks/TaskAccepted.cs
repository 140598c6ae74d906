using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>The body of a 202 for a submitted task.</summary>
public sealed record TaskAccepted(string Id, TaskRunStatus Status, string Location);
