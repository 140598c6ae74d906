using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Swarm.Api.Endpoints.Operations.Prometheus;

/// <summary>
/// The swarm's own meters (every meter whose name starts with <c>Swarm.</c>: model calls, API requests, tasks) summed
/// in this process since it started, for <c>GET /metrics</c> to read: counters as running totals and histograms as
/// cumulative buckets, each per set of tags. It listens beside any OpenTelemetry exporter (<c>SwarmTelemetry</c>), so
/// the scrape endpoint needs no exporter configured and the OTLP and Azure Monitor exports are unchanged.
/// </summary>
/// <remarks>
/// Created when the services are registered, not when first asked for, so nothing counted before the first scrape is
/// lost. A Prometheus counter is per process by nature: each instance (a Functions worker, the local host) counts its
/// own, and Prometheus sums them across instances.
/// </remarks>
public sealed class MeterReadings : IDisposable
{
    /// <summary>Upper bounds (in the instrument's unit, milliseconds for durations) of the histogram buckets, +Inf apart.</summary>
    public static IReadOnlyList<double> DurationBoundsMs { get; } = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000];

    readonly MeterListener listener = new();
    readonly ConcurrentDictionary<(Instrument Instrument, string Tags), CounterCell> counters = new();
    readonly ConcurrentDictionary<(Instrument Instrument, string Tags), HistogramCell> histograms = new();

    public MeterReadings()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name.StartsWith("Swarm.", StringComparison.Ordinal) && instrument is Counter<long> or Counter<double> or Histogram<double> or Histogram<long>)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Every counter and histogram with what it has summed so far, ordered by instrument name and tags.</summary>
    public IReadOnlyList<InstrumentReading> Read()
    {
        var readings = counters.Select(c => new InstrumentReading(c.Key.Instrument.Name, c.Key.Instrument.Unit, c.Key.Instrument.Description, TagsOf(c.Key.Tags), c.Value.Total, null))
            .Concat(histograms.Select(h => new InstrumentReading(h.Key.Instrument.Name, h.Key.Instrument.Unit, h.Key.Instrument.Description, TagsOf(h.Key.Tags), h.Value.Sum, h.Value.Snapshot())));
        return [.. readings.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => string.Join(',', r.Tags), StringComparer.Ordinal)];
    }

    public void Dispose() => listener.Dispose();

    void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = (instrument, KeyOf(tags));
        if (instrument is Histogram<double> or Histogram<long>)
        {
            histograms.GetOrAdd(key, _ => new HistogramCell()).Add(value);
        }
        else
        {
            counters.GetOrAdd(key, _ => new CounterCell()).Add(value);
        }
    }

    // Tags are kept as one sorted "name=value" line per measurement: the order a caller passes them in must not split a series.
    static string KeyOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add(tag.Key + "=" + Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join('\n', pairs);
    }

    static IReadOnlyList<KeyValuePair<string, string>> TagsOf(string key) =>
        key.Length == 0 ? [] : [.. key.Split('\n').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]))];

    sealed class CounterCell
    {
        readonly Lock gate = new();
        double total;

        public double Total
        {
            get
            {
                lock (gate)
                {
                    return total;
                }
            }
        }

        public void Add(double value)
        {
            lock (gate)
            {
                total += value;
            }
        }
    }

    sealed class HistogramCell
    {
        readonly Lock gate = new();
        readonly long[] buckets = new long[DurationBoundsMs.Count];
        long count;
        double sum;

        public double Sum
        {
            get
            {
                lock (gate)
                {
                    return sum;
                }
            }
        }

        public void Add(double value)
        {
            lock (gate)
            {
                count++;
                sum += value;
                for (var i = 0; i < buckets.Length; i++)
                {
                    if (value <= DurationBoundsMs[i])
                    {
                        buckets[i]++;
                    }
                }
            }
        }

        /// <summary>Cumulative counts per bound (as Prometheus's <c>le</c> buckets are), and the total count for +Inf.</summary>
        public HistogramReading Snapshot()
        {
            lock (gate)
            {
                return new HistogramReading([.. buckets], count, sum);
            }
        }
    }
}

/// <summary>One counter or histogram series of <see cref="MeterReadings"/>: for a counter <paramref name="Value"/> is its total, for a histogram the sum of what it recorded.</summary>
public sealed record InstrumentReading(string Name, string? Unit, string? Description, IReadOnlyList<KeyValuePair<string, string>> Tags, double Value, HistogramReading? Histogram);

/// <summary>A histogram's cumulative counts per bound of <see cref="MeterReadings.DurationBoundsMs"/>, its count and sum.</summary>
public sealed record HistogramReading(IReadOnlyList<long> CumulativeCounts, long Count, double Sum);
