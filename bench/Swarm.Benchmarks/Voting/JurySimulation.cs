using Swarm.Domain.Consensus;
using Swarm.Providers.Configuration;
using Swarm.Providers.Simulated;

namespace Swarm.Benchmarks.Voting;

/// <summary>
/// Panels of simulated voters answering three-option questions, counted by the domain's <see cref="ConsensusCounter"/>.
/// Each question is put once to the largest panel; every smaller panel is its first voters, so all panel sizes and
/// algorithms are compared on the same ballots. Deterministic: the simulated provider's draws are seeded by
/// <paramref name="seed"/>, the voter and the prompt, and the mixed panel's accuracies by <paramref name="seed"/>.
/// </summary>
sealed class JurySimulation(int seed, int questions)
{
    public const string PluralityRow = "Plurality: the right option had the most votes (same ballots)";

    public const string BestVoterRow = "The panel's most accurate voter alone";

    public const string LogOddsRow = "Log-odds weights, more than half of the weight (a reference)";

    public const string AverageVoterRow = "A voter alone (all of the panel's ballots)";

    public static readonly IReadOnlyList<int> PanelSizes = [1, 3, 5, 7, 9, 11];

    public static readonly IReadOnlyList<string> Options = ["A", "B", "C"];

    public static readonly IReadOnlyList<(string Label, ConsensusRules Rules)> Algorithms =
    [
        ("SimpleMajority", new ConsensusRules(ConsensusAlgorithm.SimpleMajority, Quorum: 0.5)),
        ("SuperMajority (2/3)", new ConsensusRules(ConsensusAlgorithm.SuperMajority, Threshold: 2.0 / 3.0, Quorum: 0.5)),
        ("Unanimous", new ConsensusRules(ConsensusAlgorithm.Unanimous, Quorum: 0.5)),
        ("Weighted", new ConsensusRules(ConsensusAlgorithm.Weighted, Quorum: 0.5)),
    ];

    static readonly IReadOnlyList<string> VoterIds = [.. Enumerable.Range(1, PanelSizes[^1]).Select(i => $"voter-{i:00}")];

    public int Questions => questions;

    /// <summary>Every voter right with probability <paramref name="accuracy"/>, and its reputation equal to it.</summary>
    public async Task<PanelTable> UniformAsync(double accuracy, CancellationToken cancellationToken)
    {
        const string profile = "p";
        var ballots = new SimulatedBallots(Client(new() { [profile] = new SimulatedProfile { Accuracy = accuracy } }));
        var table = new PanelTable();
        for (var q = 0; q < questions; q++)
        {
            var question = $"Question {q}: which of A, B and C is right?";
            var cast = new List<Ballot>();
            foreach (var id in VoterIds)
            {
                cast.Add(await ballots.AskAsync(id, profile, question, Options, cancellationToken));
            }

            var right = SimulatedChatClient.RightChoice(question, Options);
            var voters = VoterIds.Select(id => new Voter(id, accuracy, ExpertiseMatch: true)).ToList();
            foreach (var n in PanelSizes)
            {
                foreach (var (label, rules) in Algorithms)
                {
                    var outcome = ConsensusCounter.Count(Options, voters[..n], cast[..n], rules);
                    table[label, n].Add(outcome, right);
                    if (rules.Algorithm == ConsensusAlgorithm.SimpleMajority)
                    {
                        table[PluralityRow, n].Add(Leads(outcome, right));
                    }
                }
            }
        }

        return table;
    }

    /// <summary>
    /// Voters of different accuracies: each question draws every voter's accuracy uniformly from
    /// <paramref name="minPercent"/>% to <paramref name="maxPercent"/>% (whole percents), and its reputation is that accuracy.
    /// </summary>
    public async Task<MixedPanel> MixedAsync(int minPercent, int maxPercent, CancellationToken cancellationToken)
    {
        var profiles = Enumerable.Range(minPercent, maxPercent - minPercent + 1)
            .ToDictionary(percent => $"a{percent}", percent => new SimulatedProfile { Accuracy = percent / 100.0 }, StringComparer.Ordinal);
        var ballots = new SimulatedBallots(Client(profiles));
        var draw = new Random(seed);
        var table = new PanelTable();
        var differences = new Dictionary<int, int>();
        for (var q = 0; q < questions; q++)
        {
            var question = $"Mixed-panel question {q}: which of A, B and C is right?";
            var accuracies = VoterIds.Select(_ => draw.Next(minPercent, maxPercent + 1)).ToList();
            var cast = new List<Ballot>();
            for (var i = 0; i < VoterIds.Count; i++)
            {
                cast.Add(await ballots.AskAsync(VoterIds[i], $"a{accuracies[i]}", question, Options, cancellationToken));
            }

            var right = SimulatedChatClient.RightChoice(question, Options);
            var voters = VoterIds.Select((id, i) => new Voter(id, accuracies[i] / 100.0, ExpertiseMatch: true)).ToList();
            foreach (var n in PanelSizes)
            {
                var simple = ConsensusCounter.Count(Options, voters[..n], cast[..n], Algorithms[0].Rules);
                var weighted = ConsensusCounter.Count(Options, voters[..n], cast[..n], Algorithms[^1].Rules);
                table[Algorithms[0].Label, n].Add(simple, right);
                table[Algorithms[^1].Label, n].Add(weighted, right);
                table[LogOddsRow, n].Add(LogOddsMajority(cast[..n], accuracies[..n]), right);
                if ((simple.Decided ? simple.Winner : null) != (weighted.Decided ? weighted.Winner : null))
                {
                    differences[n] = differences.GetValueOrDefault(n) + 1;
                }

                var best = Enumerable.Range(0, n).MaxBy(i => accuracies[i]);
                table[BestVoterRow, n].Add(cast[best].Choice == right);
                foreach (var ballot in cast[..n])
                {
                    table[AverageVoterRow, n].Add(ballot.Choice == right);
                }
            }
        }

        return new MixedPanel(table, differences);
    }

    SimulatedChatClient Client(Dictionary<string, SimulatedProfile> profiles)
    {
        var settings = new SimulatedProviderSettings { Seed = seed };
        foreach (var (name, profile) in profiles)
        {
            settings.Profiles[name] = profile;
        }

        return new SimulatedChatClient(settings, TimeProvider.System);
    }

    /// <summary>
    /// Weights that are optimal for independent voters of known accuracy whose errors split evenly: each vote weighs
    /// ln(p / ((1 − p) / 2)), the log of how much likelier the voter is to pick the right option than a given wrong one;
    /// an option needs more than half of the weight. Not a rule the swarm has; it shows how much room weighting has.
    /// </summary>
    static string? LogOddsMajority(IReadOnlyList<Ballot> cast, IReadOnlyList<int> accuracyPercents)
    {
        var support = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = 0.0;
        for (var i = 0; i < cast.Count; i++)
        {
            var p = accuracyPercents[i] / 100.0;
            var weight = Math.Log(p / ((1 - p) / 2));
            total += weight;
            if (cast[i].Choice is { } choice)
            {
                support[choice] = support.GetValueOrDefault(choice) + weight;
            }
        }

        return support.FirstOrDefault(s => s.Value > total / 2 + ConsensusCounter.Epsilon).Key;
    }

    /// <summary>Whether the right option had strictly more support than every other (a tie for the lead is not a lead).</summary>
    static bool Leads(ConsensusOutcome outcome, string right) =>
        outcome.Support.All(s => s.Key == right || outcome.Support[right] > s.Value + ConsensusCounter.Epsilon);
}
