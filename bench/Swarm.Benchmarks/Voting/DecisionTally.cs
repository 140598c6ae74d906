using Swarm.Domain.Consensus;

namespace Swarm.Benchmarks.Voting;

/// <summary>How a set of counted questions ended: decided for the right option, undecided, or decided for a wrong one.</summary>
sealed class DecisionTally
{
    public int Right { get; private set; }

    public int Undecided { get; private set; }

    public int Wrong { get; private set; }

    public int Questions => Right + Undecided + Wrong;

    public double RightShare => Share(Right);

    public double UndecidedShare => Share(Undecided);

    public double WrongShare => Share(Wrong);

    public void Add(ConsensusOutcome outcome, string rightChoice)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Add(outcome.Decided ? outcome.Winner : null, rightChoice);
    }

    /// <param name="decidedFor">The option decided for; null when undecided.</param>
    public void Add(string? decidedFor, string rightChoice)
    {
        if (decidedFor is null)
        {
            Undecided++;
        }
        else if (decidedFor == rightChoice)
        {
            Right++;
        }
        else
        {
            Wrong++;
        }
    }

    /// <summary>A verdict without a count behind it (one voter's answer, the leader of a tally): right, or not.</summary>
    public void Add(bool right)
    {
        if (right)
        {
            Right++;
        }
        else
        {
            Wrong++;
        }
    }

    double Share(int count) => Questions == 0 ? double.NaN : (double)count / Questions;
}
