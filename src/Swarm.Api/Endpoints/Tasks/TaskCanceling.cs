namespace Swarm.Api.Endpoints.Tasks;

/// <summary>A cancellation accepted: the task is being canceled; <paramref name="Location"/> reads it.</summary>
public sealed record TaskCanceling(string Id, string Status, string Location);
