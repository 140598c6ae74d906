namespace Swarm.Api.Endpoints.Tasks;

/// <summary>A rating accepted: the agents whose skills it updates.</summary>
public sealed record FeedbackAccepted(string Id, int Rating, IReadOnlyList<string> Agents, string Location);
