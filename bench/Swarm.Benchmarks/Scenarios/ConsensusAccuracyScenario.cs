using System.Diagnostics;
using System.Globalization;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.Voting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: when voting pays. Simulated voters of known accuracy vote on three-option questions, in process (no
/// host, no durable runtime), through the real pieces: the simulated provider asked for a ballot as the swarm asks,
/// and the domain's counter. It reports how often the decision is right, by panel size and algorithm, next to the
/// jury theorem's expectation. A simulation of the simulated provider, not a measurement of real models.
/// </summary>
sealed class ConsensusAccuracyScenario(BenchmarkOptions options) : IScenario
{
    /// <summary>Fixed, so the tables are the same on every run with the same <c>--accuracy-questions</c>.</summary>
    const int Seed = 1729;

    const int MixedMinPercent = 50;

    const int MixedMaxPercent = 90;

    static readonly IReadOnlyList<double> Accuracies = [0.6, 0.7, 0.8];

    public string Name => "consensus-accuracy";

    public string Title => "Consensus: when voting pays (a simulation with the simulated provider)";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var simulation = new JurySimulation(Seed, options.AccuracyQuestions);
        var clock = Stopwatch.StartNew();
        var cpu = CpuWindow.Start(("benchmark", Environment.ProcessId));
        var uniform = new List<(double Accuracy, PanelTable Table)>();
        foreach (var accuracy in Accuracies)
        {
            Progress.Write($"{Name}: {options.AccuracyQuestions} questions, voters right with p = {Format(accuracy)}");
            uniform.Add((accuracy, await simulation.UniformAsync(accuracy, cancellationToken)));
        }

        Progress.Write($"{Name}: {options.AccuracyQuestions} questions, a mixed panel ({MixedMinPercent}% to {MixedMaxPercent}%)");
        var mixed = await simulation.MixedAsync(MixedMinPercent, MixedMaxPercent, cancellationToken);
        var usage = cpu.Stop();
        var ballots = options.AccuracyQuestions * JurySimulation.PanelSizes[^1] * (Accuracies.Count + 1);

        WriteSetup(report, simulation);
        report.Heading(3, "Results");
        report.Paragraph(
            "Each cell: **right / undecided / wrong**, in percent of the questions (they add up to 100). Right: decided for the right option; "
            + "undecided: no option met the rule (under simple majority, no option had more than half the votes); wrong: decided for a wrong option.");
        foreach (var (accuracy, table) in uniform)
        {
            WriteUniform(report, accuracy, table);
        }

        WriteMixed(report, mixed);
        WriteBounds(report, simulation, uniform, mixed, clock.Elapsed, usage, ballots);
    }

    static void WriteSetup(MarkdownReport report, JurySimulation simulation)
    {
        report.Paragraph(
            "**A simulation with the simulated provider (`Swarm.Providers.Simulated.SimulatedChatClient`), deterministic by its seed "
            + $"({Seed}): it shows what the counting rules do with independent voters of known accuracy, not how real models vote.** "
            + "It runs in this process, without a host or the durable runtime.");
        report.Bullets(
        [
            $"{Units.Count(simulation.Questions)} questions per cell, each with three options (A, B, C). The right option is `SimulatedChatClient.RightChoice(question, options)`.",
            "A voter's ballot is asked of the simulated provider as `CastBallotActivity` asks: the same prompt, `ChatOptions.ModelId` naming a simulated profile whose `Accuracy` is the voter's, "
                + "the ballot's JSON schema (`BallotSchema.For(options)`) as the response format, and the voter's id and the question in `AdditionalProperties`; "
                + "the reply `{\"choice\", \"confidence\", \"rationale\"}` is read as the activity reads it.",
            "A voter is right with probability p, drawn per voter and question, independently of the others; **a wrong voter picks one of the 2 wrong options at random**, "
                + "so wrong votes split and a wrong option rarely gathers a majority.",
            "Counted by `ConsensusCounter.Count` with quorum 0.5 and the default tie policy (no decision on a tie); everyone votes, so the quorum is always met. "
                + "SuperMajority needs at least 2/3 of the votes, Unanimous every voter.",
            "Weighted: every voter's reputation is its accuracy (what a learned reputation would approach), its expertise matches, and its confidence comes from its ballot. "
                + "The simulated provider answers every ballot with confidence 0.5 (it fills every number in a schema with 0.5), so confidence weighs every voter alike here; "
                + "with equal accuracies every voter weighs the same and Weighted counts like SimpleMajority.",
            $"Panels are nested: each question is put once to {JurySimulation.PanelSizes[^1]} voters, and a panel of n is their first n, so every column and row is counted on the same ballots. "
                + "The three accuracy tables use the same questions, voters and seed, so a voter right at p = 0.6 is also right at 0.7 and 0.8.",
        ]);
    }

    static void WriteUniform(MarkdownReport report, double accuracy, PanelTable table)
    {
        report.Paragraph($"**Individual accuracy p = {Format(accuracy)}** (each voter right {Units.Percent(accuracy)} of the time):");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (label, _) in JurySimulation.Algorithms)
        {
            rows.Add([label, .. JurySimulation.PanelSizes.Select(n => Cell(table[label, n]))]);
        }

        rows.Add(["Expected right under SimpleMajority: P(strict majority for the right option), binomial sum", .. JurySimulation.PanelSizes.Select(n => Percent(JuryTheorem.StrictMajority(n, accuracy)))]);
        rows.Add(["Plurality: the right option had the most votes, measured (exact)", .. JurySimulation.PanelSizes.Select(n =>
            $"{Percent(table[JurySimulation.PluralityRow, n].RightShare)} ({Percent(JuryTheorem.PluralityOfThree(n, accuracy))})")]);
        report.Table(Header($"p = {Format(accuracy)}"), rows);
    }

    static void WriteMixed(MarkdownReport report, MixedPanel mixed)
    {
        report.Paragraph(
            $"**Mixed panel**: every voter's accuracy drawn anew for each question, uniformly from {MixedMinPercent}% to {MixedMaxPercent}% in whole percents "
            + "(0.70 on average), its reputation equal to it. Weighted against SimpleMajority on the same ballots, with three references that are not rules the swarm has: "
            + "votes weighted by their log-odds ln(p / ((1 − p) / 2)), the weights that are optimal for independent voters of known accuracy, still needing more than half of the weight; "
            + "the panel's most accurate voter alone (what picking the best agent would give, if one knew it); and a voter alone.");
        var table = mixed.Table;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (label, _) in JurySimulation.Algorithms.Where(a => table.Rows.Contains(a.Label)))
        {
            rows.Add([label, .. JurySimulation.PanelSizes.Select(n => Cell(table[label, n]))]);
        }

        rows.Add(["Questions Weighted decided otherwise than SimpleMajority", .. JurySimulation.PanelSizes.Select(n => Units.Count(mixed.WeightedDiffers.GetValueOrDefault(n)))]);
        foreach (var reference in new[] { JurySimulation.LogOddsRow, JurySimulation.BestVoterRow, JurySimulation.AverageVoterRow })
        {
            rows.Add([reference, .. JurySimulation.PanelSizes.Select(n => Cell(table[reference, n]))]);
        }

        report.Table(Header("Mixed panel"), rows);
    }

    static void WriteBounds(
        MarkdownReport report, JurySimulation simulation, IReadOnlyList<(double Accuracy, PanelTable Table)> uniform, MixedPanel mixed, TimeSpan elapsed, CpuUsage usage, int ballots)
    {
        var margin = 1.96 * Math.Sqrt(0.25 / simulation.Questions);
        var largest = JurySimulation.PanelSizes[^1];
        var bounds = new List<string>
        {
            $"Sampling: {Units.Count(simulation.Questions)} questions per cell, so a share is within about ±{Percent(margin)} of its expectation 95% of the time (less near 0 or 100%). "
                + "Rows and columns share their ballots (nested panels), so differences between them are paired and firmer than that margin suggests.",
            "The binomial row is Condorcet's jury theorem for a strict majority: the exact chance that more than half of n independent voters pick the right option. "
                + "It is exactly what SimpleMajority's right share should be here (everyone votes, so a majority of the votes is a majority of the panel), "
                + "and a lower bound for the right option merely leading: with 3 options the wrong votes split, so the right option can lead with half or less, "
                + "which SimpleMajority leaves undecided and a plurality count would decide right (the plurality row).",
        };
        bounds.Add("Nesting also carries the first voters' luck into every larger panel: where the 1-voter column is off its expectation, the columns after it tend to be off the same way.");
        var atLargest = uniform.Select(u => (u.Accuracy, Simple: u.Table["SimpleMajority", largest], Super: u.Table["SuperMajority (2/3)", largest], Unanimous: u.Table["Unanimous", largest]));
        bounds.Add($"With {largest} voters: "
            + string.Join("; ", atLargest.Select(c => $"at p = {Format(c.Accuracy)} SimpleMajority is right {Percent(c.Simple.RightShare)} and wrong {Percent(c.Simple.WrongShare)} "
                + $"(one voter: {Percent(c.Accuracy)} and {Percent(1 - c.Accuracy)}), SuperMajority wrong {Percent(c.Super.WrongShare)} but undecided {Percent(c.Super.UndecidedShare)}, "
                + $"Unanimous undecided {Percent(c.Unanimous.UndecidedShare)}"))
            + ". Under SimpleMajority a lone voter's wrong answers become right decisions or undecided ones, rarely wrong ones, and the lower the accuracy the more of them end undecided; "
            + "stricter rules give up right decisions for fewer wrong ones, and Unanimous decides less often the larger the panel.");

        bounds.Add("SuperMajority's \"at least 2/3\" rounds up to whole votes: 2 of 3, 4 of 5, 5 of 7, 6 of 9, 8 of 11, that is 67%, 80%, 71%, 67%, 73% of the panel, "
            + "so its shares zigzag with the panel size rather than improve steadily; sizes that are multiples of 3 (3, 9) suit it best.");
        var weighted = mixed.Table["Weighted", largest];
        var simpleMixed = mixed.Table["SimpleMajority", largest];
        var logOdds = mixed.Table[JurySimulation.LogOddsRow, largest];
        var best = mixed.Table[JurySimulation.BestVoterRow, largest];
        bounds.Add($"Mixed panel, {largest} voters: Weighted right {Percent(weighted.RightShare)} (undecided {Percent(weighted.UndecidedShare)}), SimpleMajority {Percent(simpleMixed.RightShare)} "
            + $"(undecided {Percent(simpleMixed.UndecidedShare)}); they decided differently on {Units.Count(mixed.WeightedDiffers.GetValueOrDefault(largest))} of {Units.Count(simulation.Questions)} questions. "
            + "The counter weighs a vote (0.5 + reputation) × 1.5 for matching expertise × (0.5 + 0.5 × confidence), and caps any voter at 34% of the total: reputations from 0.5 to 0.9 "
            + "give weights from 1.0 to 1.4, too close for a minority of good voters to outweigh a majority of weak ones except in rare large panels"
            + (mixed.WeightedDiffers.Values.Sum() == 0 ? ", so here Weighted decided exactly as SimpleMajority on every question and panel. " : ". ")
            + $"Log-odds weights (from 0.69 at p = 0.5 to 2.89 at 0.9) reach {Percent(logOdds.RightShare)} right (undecided {Percent(logOdds.UndecidedShare)}); "
            + $"the most accurate voter alone {Percent(best.RightShare)}. Weighting pays when accuracies differ widely and are known, and only with weights that differ as much.");
        bounds.Add("Independence is the simulation's strongest assumption: every voter's error is its own draw. Real models that share training data tend to be wrong together, "
            + "and correlated errors take away much of what a larger panel adds; a real panel needs measuring, not this table.");
        bounds.Add($"Cost: {Units.Count(ballots)} simulated ballots and their counts took {Units.Seconds(elapsed)} ({Units.Cpu(usage)}); this scenario times nothing of the swarm's.");
        report.Heading(3, "What bounds these numbers");
        report.Bullets(bounds);
    }

    static IReadOnlyList<string> Header(string first) => [first, .. JurySimulation.PanelSizes.Select(n => n == 1 ? "1 voter" : $"{n} voters")];

    static string Cell(DecisionTally tally) =>
        string.Create(CultureInfo.InvariantCulture, $"{tally.RightShare * 100:0.0} / {tally.UndecidedShare * 100:0.0} / {tally.WrongShare * 100:0.0}");

    static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    static string Format(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);
}
