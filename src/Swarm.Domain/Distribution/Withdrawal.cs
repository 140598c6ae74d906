namespace Swarm.Domain.Distribution;

/// <summary>The board's answer to an agent being withdrawn (drained): whether it has left already, and its record if so.</summary>
/// <param name="Left">True when it held no seat (or was never on the board): nothing more to wait for.</param>
/// <param name="Work">Its record, when it left now; null when it was not on the board.</param>
public sealed record Withdrawal(bool Left, AgentWork? Work);
