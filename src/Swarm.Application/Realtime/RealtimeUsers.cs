using Swarm.Application.Security;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Realtime;

/// <summary>Who a caller is on the real-time channel: the user its connections belong to and its events are sent to.</summary>
public static class RealtimeUsers
{
    /// <summary>
    /// <c>agent:{id}</c> for an agent, the subject for a person. A person's token may not pose as an agent (whose steps and
    /// ballots go to <c>agent:{id}</c>), and tokens without a subject would all share one user and hear each other's
    /// events, so both have none (null).
    /// </summary>
    public static string? For(SwarmPrincipal principal) => principal switch
    {
        null => null,
        { AgentId: { } agentId } => RealtimeEvents.AgentUser(agentId),
        { Subject: BearerTokenAuthenticator.NoSubject } => null,
        { Subject: var subject } when subject.StartsWith(Domain.Agents.AgentSubject.Prefix, StringComparison.Ordinal) => null,
        { Subject: var subject } => subject,
    };

    public const string NoIdentity =
        "events are addressed to a caller's subject: a token needs its own 'sub', and only an agent's credential may be 'agent:<id>'";
}
