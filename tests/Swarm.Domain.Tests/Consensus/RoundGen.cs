using CsCheck;
using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

/// <summary>
/// Random rounds for property tests: 2-4 options, 1-15 voters with random reputation and expertise, at most one
/// ballot each (none, abstaining, an unknown choice, a delegation when asked for, or a vote with a random confidence),
/// and up to two ballots from non-voters. A third of the rounds lean on one option, so decided and unanimous rounds
/// are common, not rare.
/// </summary>
public static class RoundGen
{
    public const string Unknown = "Z";

    static readonly string[] AllOptions = ["A", "B", "C", "D"];

    // Per voter: reputation, expertise, ballot kind (0..99), option, confidence, delegate.
    static readonly Gen<(double, bool, int, int, double, int)> Seed =
        Gen.Select(Gen.Double[0, 1], Gen.Bool, Gen.Int[0, 99], Gen.Int[0, 3], Gen.Double[0, 1], Gen.Int[0, 15]);

    public static Gen<Round> Any(bool delegations = false) =>
        from optionCount in Gen.Int[2, 4]
        from seeds in Seed.Array[1, 15]
        from leaning in Gen.Int[0, 2]
        from strays in Gen.Int[0, 2]
        select Build(AllOptions[..optionCount], seeds, leaning == 0, strays, delegations);

    /// <summary>Rules for an algorithm, with a threshold above a half and every tie policy.</summary>
    public static Gen<ConsensusRules> Rules(ConsensusAlgorithm algorithm) =>
        Gen.Select(Gen.Double[0.51, 1], Gen.Double[0, 1], Gen.Enum<TiePolicy>(), Gen.Int[0, 4], Gen.Double[0.05, 1],
            (threshold, quorum, ties, statusQuo, share) =>
                new ConsensusRules(algorithm, threshold, quorum, ties, statusQuo < AllOptions.Length ? AllOptions[statusQuo] : null, share));

    public static string VoterId(int index) => $"v{index:00}";

    static Round Build(string[] options, (double Reputation, bool Expert, int Kind, int Option, double Confidence, int Delegate)[] seeds, bool leaning, int strays, bool delegations)
    {
        var voters = seeds.Select((s, i) => new Voter(VoterId(i), s.Reputation, s.Expert)).ToList();
        var ballots = new List<Ballot>();
        for (var i = 0; i < seeds.Length; i++)
        {
            var s = seeds[i];
            var kind = leaning && s.Kind < 90 ? 99 : s.Kind;
            var option = leaning && s.Kind < 90 ? options[0] : options[s.Option % options.Length];
            var target = s.Delegate % (seeds.Length + 1); // one past the voters: a delegation to a non-voter
            Ballot? ballot = kind switch
            {
                < 10 => null,
                < 25 => new Ballot(VoterId(i), null, s.Confidence),
                < 30 => new Ballot(VoterId(i), Unknown, s.Confidence),
                < 55 when delegations => new Ballot(VoterId(i), null, s.Confidence, DelegateTo: target < seeds.Length ? VoterId(target) : "ghost"),
                _ => new Ballot(VoterId(i), option, s.Confidence),
            };
            if (ballot is not null)
            {
                ballots.Add(ballot);
            }
        }

        ballots.AddRange(Enumerable.Range(0, strays).Select(k => new Ballot($"stray{k}", options[0])));
        return new Round(options, voters, ballots);
    }
}
