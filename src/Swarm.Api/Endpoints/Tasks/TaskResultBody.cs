namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// What an external agent posts for the step it holds: its answer and, if it knows them, its usage; or, instead of an
/// answer, <see cref="Error"/>: why it could not do the step, so the step fails over to another agent at once instead
/// of waiting out the agent's time limit.
/// </summary>
/// <param name="Step">The step the answer is for (its name in the task's timeline, e.g. <c>2-editor</c>). Optional, but a client
/// that may retry the POST should send it: a retry then cannot land on a later step the same agent holds.</param>
public sealed record TaskResultBody(string? Text, long? InputTokens = null, long? OutputTokens = null, decimal? CostUsd = null, string? Model = null, string? Step = null, string? Error = null);
