namespace Swarm.Api.Endpoints.Operations.Prometheus;

/// <summary>
/// Writes <see cref="MeterReadings"/> as Prometheus families, named from the instruments by Prometheus's conventions:
/// dots become underscores, a counter ends in <c>_total</c>, milliseconds become seconds (<c>_seconds</c>, values and
/// bucket bounds divided by 1,000) and US dollars <c>_usd</c>. So <c>swarm.provider.duration</c> (ms) is the histogram
/// <c>swarm_provider_duration_seconds</c> and <c>swarm.provider.cost</c> (USD) the counter <c>swarm_provider_cost_usd_total</c>.
/// </summary>
public static class MeterFamilies
{
    public static void Write(PrometheusText text, IReadOnlyList<InstrumentReading> readings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(readings);
        foreach (var instrument in readings.GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var first = instrument.First();
            var scale = first.Unit == "ms" ? 1_000d : 1d;
            var name = PrometheusText.Name(instrument.Key) + first.Unit switch
            {
                "ms" => "_seconds",
                "USD" => "_usd",
                _ => "",
            };
            var help = first.Description ?? instrument.Key;
            if (first.Histogram is null)
            {
                text.Family(name + "_total", "counter", help);
                foreach (var series in instrument)
                {
                    text.Sample(name + "_total", series.Value / scale, Labels(series));
                }

                continue;
            }

            text.Family(name, "histogram", help);
            foreach (var series in instrument)
            {
                var labels = Labels(series);
                var histogram = series.Histogram!;
                for (var i = 0; i < MeterReadings.DurationBoundsMs.Count; i++)
                {
                    text.Sample(name + "_bucket", histogram.CumulativeCounts[i], [.. labels, ("le", PrometheusText.Number(MeterReadings.DurationBoundsMs[i] / scale))]);
                }

                text.Sample(name + "_bucket", histogram.Count, [.. labels, ("le", "+Inf")]);
                text.Sample(name + "_sum", histogram.Sum / scale, labels);
                text.Sample(name + "_count", histogram.Count, labels);
            }
        }
    }

    static (string Name, string Value)[] Labels(InstrumentReading series) =>
        [.. series.Tags.Select(t => (PrometheusText.Name(t.Key), t.Value))];
}
