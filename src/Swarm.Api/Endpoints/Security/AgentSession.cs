namespace Swarm.Api.Endpoints.Security;

/// <summary>
/// A session token for an agent, as <c>POST /api/v1/auth/token</c> answers: in the API's camelCase like every other
/// body. The fields are OAuth's (RFC 6749 section 5.1) in meaning but not in spelling: this route is not an OAuth token
/// endpoint (the key comes in a header, there is no <c>grant_type</c>), so no OAuth client library could call it anyway.
/// </summary>
/// <param name="AccessToken">The bearer token: <c>Authorization: Bearer {accessToken}</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds from now until the token stops working (<c>security:agentSessionMinutes</c>).</param>
/// <param name="ExpiresAt">The same moment as a time, for clients that should not count from when they received it.</param>
public sealed record AgentSession(string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt, string AgentId);
