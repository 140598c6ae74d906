namespace Swarm.Benchmarks.Voting;

/// <summary>Tallies by row (a way of deciding) and panel size, rows in the order they were first used.</summary>
sealed class PanelTable
{
    readonly Dictionary<(string Row, int Voters), DecisionTally> cells = [];
    readonly List<string> rows = [];

    public IReadOnlyList<string> Rows => rows;

    public DecisionTally this[string row, int voters]
    {
        get
        {
            if (!cells.TryGetValue((row, voters), out var tally))
            {
                cells[(row, voters)] = tally = new DecisionTally();
                if (!rows.Contains(row))
                {
                    rows.Add(row);
                }
            }

            return tally;
        }
    }
}
