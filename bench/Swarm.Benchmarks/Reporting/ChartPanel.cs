namespace Swarm.Benchmarks.Reporting;

/// <summary>One panel of a chart: its lines against a shared x axis, with the y range fixed or, when null, fitted to the data.</summary>
sealed record ChartPanel(string Title, string YLabel, IReadOnlyList<ChartSeries> Series, double? YMin = null, double? YMax = null);
