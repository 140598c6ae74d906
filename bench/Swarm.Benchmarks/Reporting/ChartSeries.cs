namespace Swarm.Benchmarks.Reporting;

/// <summary>One line of a chart: a value per x from 1 to <c>Values.Count</c>, in a fixed colour.</summary>
/// <param name="Dashed">Drawn dashed, for references such as an oracle or a baseline.</param>
sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string Colour, bool Dashed = false);
