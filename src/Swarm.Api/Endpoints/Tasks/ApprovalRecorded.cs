namespace Swarm.Api.Endpoints.Tasks;

/// <summary>A person's decision on a task that waited for approval: <c>approved</c> or <c>rejected</c>.</summary>
public sealed record ApprovalRecorded(string Id, string Decision, string Location);
