namespace Swarm.Api.Endpoints.Tasks;

/// <summary>An external agent's result for a step it held, accepted.</summary>
public sealed record StepResultAccepted(string Id, string Step, string Location);
