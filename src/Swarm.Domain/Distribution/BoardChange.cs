namespace Swarm.Domain.Distribution;

/// <summary>A new board and what its keeper must deliver: seats offered to waiting steps, and an agent that left.</summary>
public sealed record BoardChange(DispatchBoard Board, IReadOnlyList<SeatGrant> Grants, AgentDeparture? Departure = null)
{
    public void Deconstruct(out DispatchBoard board, out IReadOnlyList<SeatGrant> grants)
    {
        board = Board;
        grants = Grants;
    }
}
