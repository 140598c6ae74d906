namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// One kind of task the tools scenario runs. Each has an agent of its own, a simulated specialist whose one expertise
/// is <see cref="Name"/>, which its tasks name as their capability so they go to it and no other; its
/// <c>provider.model</c> is <see cref="Name"/> too, picking a simulated profile with these tool rounds and 0 ms per call.
/// </summary>
/// <param name="Tools">Whether the agent is given <c>memory_put</c>; an agent without tools answers in one model call.</param>
/// <param name="Rounds">The profile's <c>toolRounds</c>: rounds of tool calls before the final answer.</param>
/// <param name="CallsPerRound">The profile's <c>toolCallsPerRound</c>: calls asked for at once in each round.</param>
sealed record ToolLoopVariant(string Name, string Label, bool Tools, int Rounds, int CallsPerRound)
{
    /// <summary>Model calls a task of this kind takes: one per round, and the final answer.</summary>
    public int ExpectedTurns => Tools ? Rounds + 1 : 1;

    public int ExpectedToolCalls => Tools ? Rounds * CallsPerRound : 0;
}
