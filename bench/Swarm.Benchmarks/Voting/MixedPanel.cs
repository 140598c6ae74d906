namespace Swarm.Benchmarks.Voting;

/// <summary>The mixed panel's tallies, and on how many questions Weighted and SimpleMajority decided differently, by panel size.</summary>
/// <param name="WeightedDiffers">Panel size to the questions where Weighted's decision (or its absence) was not SimpleMajority's.</param>
sealed record MixedPanel(PanelTable Table, IReadOnlyDictionary<int, int> WeightedDiffers);
