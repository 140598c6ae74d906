using CsCheck;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Domain.Tests;

/// <summary>
/// The board's guarantees under any interleaving of what durable callers send it: requests (repeated after a crash),
/// releases with and without outcomes (repeated too), withdrawals, reinstatements and steps leaving the line.
/// </summary>
public sealed class DispatchBoardPropertyTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One thing a caller does to the board: Kind picks the operation, the numbers pick its task, agent and outcome.</summary>
    sealed record Move(int Kind, int Task, int Agent, bool Succeeded);

    static readonly Gen<Move> AnyMove =
        from kind in Gen.Int[0, 5]
        from task in Gen.Int[0, 11]
        from agent in Gen.Int[0, 3]
        from succeeded in Gen.Bool
        select new Move(kind, task, agent, succeeded);

    static DispatchBoard Start() => new[] { 1, 2, 3, 1 }
        .Select((seats, i) => new AgentProfile($"a{i}", $"a{i}", AgentType.Worker, new ProviderSettings("simulated", "m"), seats))
        .Aggregate(new DispatchBoard(), (board, agent) => board.Register(agent, accepting: true).Board);

    static (DispatchBoard Board, int Outcomes) Apply(DispatchBoard board, Move move, int outcomes)
    {
        var task = $"task-{move.Task}";
        var holder = SeatRequest.HolderOf(task, "s1");
        var holding = board.Agents.Values.FirstOrDefault(a => a.Holders.Contains(holder));
        switch (move.Kind)
        {
            case 0 or 1:
                return (board.Request(new SeatRequest(task, "s1", [], 1 + (move.Task % 10), [], null, T0.AddSeconds(move.Task))).Board, outcomes);
            case 2 when holding is not null:
                var release = new SeatRelease(holding.Id, holder, [], new WorkOutcome(move.Succeeded, 5, new ModelUsage(1, 1, 0), T0));
                return (board.Release(release).Board, outcomes + 1);
            case 2:
                // A repeated release (the step's first one already arrived) must change nothing.
                return (board.Release(new SeatRelease($"a{move.Agent}", holder, [], new WorkOutcome(true, 5, new ModelUsage(1, 1, 0), T0))).Board, outcomes);
            case 3:
                return (board.Withdraw($"a{move.Agent}").Board, outcomes);
            case 4:
                return (board.Reinstate($"a{move.Agent}").Board, outcomes);
            default:
                return (board.Leave(task, "s1").Board, outcomes);
        }
    }

    [Fact]
    public void No_agent_ever_holds_more_seats_than_its_max_concurrency_and_each_outcome_counts_once()
    {
        AnyMove.Array[1, 80].Sample(moves =>
        {
            var board = Start();
            var outcomes = 0;
            foreach (var move in moves)
            {
                (board, outcomes) = Apply(board, move, outcomes);
                Assert.All(board.Agents.Values, a => Assert.True(a.Load <= a.MaxConcurrency, $"{a.Id} holds {a.Load} of {a.MaxConcurrency}"));
                var held = board.Agents.Values.SelectMany(a => a.Holders).ToList();
                Assert.Equal(held.Count, held.Distinct().Count());
                Assert.DoesNotContain(board.Waiting, w => held.Contains(w.Holder));
                Assert.All(board.Agents.Values.Where(a => a.Leaving), a => Assert.NotEmpty(a.Holders));
            }

            // Outcomes of agents that left the board went with them; the rest are all on the board, counted once.
            var counted = board.Agents.Values.Sum(a => a.Work.Completed + a.Work.Failed);
            Assert.True(counted <= outcomes);
            Assert.Equal(outcomes, board.Succeeded + board.Failed);
        });
    }
}
