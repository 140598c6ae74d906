using System.Globalization;
using System.Text;

namespace Swarm.Api.Endpoints.Operations.Prometheus;

/// <summary>
/// Writes the Prometheus text exposition format, version 0.0.4: each family once, with its <c># HELP</c> and
/// <c># TYPE</c> lines before its samples; label values and help text escaped as the format asks (backslash, double
/// quote, line feed), numbers in invariant culture with <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c> spelled its way.
/// </summary>
public sealed class PrometheusText
{
    /// <summary>The content type a scraper expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    readonly StringBuilder text = new();
    readonly HashSet<string> families = new(StringComparer.Ordinal);

    /// <summary>Starts a family; a name already written is refused, since the format allows each family once.</summary>
    /// <param name="type"><c>counter</c>, <c>gauge</c> or <c>histogram</c>.</param>
    public PrometheusText Family(string name, string type, string help)
    {
        if (!families.Add(name))
        {
            throw new InvalidOperationException($"The metric family {name} is written twice.");
        }

        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>One sample of the family last started (or of its <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series).</summary>
    public PrometheusText Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"")
                    .Append(labels[i].Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
                    .Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
        return this;
    }

    /// <summary>A metric or label name from an instrument's or tag's: anything outside <c>[a-zA-Z0-9_]</c> becomes <c>_</c>.</summary>
    public static string Name(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var name = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return name.Length > 0 && char.IsAsciiDigit(name[0]) ? "_" + name : name.ToString();
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public override string ToString() => text.ToString();
}
