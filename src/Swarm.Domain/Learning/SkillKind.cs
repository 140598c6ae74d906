namespace Swarm.Domain.Learning;

/// <summary>What caused a change to an agent's skill estimate (docs/design/learning.md §1.2). Stored as its number.</summary>
public enum SkillKind
{
    /// <summary>A step's outcome, from the release of its seat: success 1, failure 0, weight 1.</summary>
    Outcome = 0,

    /// <summary>The task's deadline ended the step: 0 at weight one half (the deadline is not only the agent's fault).</summary>
    Late = 1,

    /// <summary>A decided proposal: 1 for a voter who chose the winner, else 0, weight one half.</summary>
    Consensus = 2,

    /// <summary>A person's rating of a task the agent answered a step of: (rating − 1) / 4, weight 2.</summary>
    Feedback = 3,

    /// <summary>The learning pass faded an estimate nothing confirmed since the previous pass.</summary>
    Relax = 4,

    /// <summary>An operator returned the estimate to the prior.</summary>
    Reset = 5,
}
