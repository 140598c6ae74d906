namespace Swarm.Workflows.Tools;

/// <summary>Keeps a step's tool rounds within <see cref="ToolLimits.MaxConversationChars"/> of results.</summary>
public static class ToolRounds
{
    /// <summary>
    /// Replaces the oldest results with a note saying how long they were, until the rounds' results fit the bound. The
    /// latest round is kept whole: the model is about to read it. Deterministic, so a replay compacts the same way.
    /// </summary>
    public static void Compact(List<ToolRound> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var total = rounds.Sum(r => r.Results.Sum(x => x.Result.Text.Length));
        for (var i = 0; i < rounds.Count - 1 && total > ToolLimits.MaxConversationChars; i++)
        {
            var results = rounds[i].Results.Select(x =>
            {
                if (total <= ToolLimits.MaxConversationChars || x.Result.Text.Length <= 200)
                {
                    return x;
                }

                var note = $"[an earlier result of {x.Result.Text.Length} characters, left out to keep the conversation within {ToolLimits.MaxConversationChars} characters]";
                total -= x.Result.Text.Length - note.Length;
                return x with { Result = x.Result with { Text = note } };
            }).ToList();
            rounds[i] = rounds[i] with { Results = results };
        }
    }
}
