namespace Swarm.Benchmarks.Learning;

/// <summary>How a task recalls its neighbours: the <c>learning:patterns</c> settings' defaults unless a sweep changes them.</summary>
/// <param name="Neighbours">k: at most this many similar tasks (<c>learning:patterns:neighbours</c>, 20).</param>
/// <param name="MinSimilarity">Neighbours less alike are left out (<c>learning:patterns:minSimilarity</c>, 0.25).</param>
/// <param name="EvidenceWeight">
/// An experiment, not the swarm's rule: when above zero, every evidence entry's similarity is replaced by this weight
/// before the request is made, so a neighbour counts as that much of an outcome whatever its cosine. Zero: as recall gives it.
/// </param>
sealed record RecallSettings(int Neighbours, double MinSimilarity, double EvidenceWeight = 0)
{
    public static RecallSettings Default { get; } = new(20, 0.25);
}
