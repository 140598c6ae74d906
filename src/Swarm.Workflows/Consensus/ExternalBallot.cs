namespace Swarm.Workflows.Consensus;

/// <summary>A ballot an agent posts itself (<c>POST /api/v1/consensus/proposals/{id}/votes</c>): the event its round waits for.</summary>
public sealed record ExternalBallot(string VoterId, int Round, string? Choice, double Confidence, string? Rationale, string? DelegateTo)
{
    public static string EventName(string voterId, int round) => $"ballot:{voterId}:{round}";
}
