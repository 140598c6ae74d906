using System.Text;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Reporting;

/// <summary>The report, built as it is measured: headings, paragraphs, bullet lists and tables in GitHub Markdown.</summary>
sealed class MarkdownReport
{
    readonly StringBuilder text = new();

    public void Heading(int level, string title) => Block(new string('#', level) + " " + title);

    public void Paragraph(string paragraph) => Block(paragraph);

    /// <summary>A paragraph set apart, for what a reader must not miss (a timeout, a failure).</summary>
    public void Callout(string paragraph) => Block("> " + paragraph.ReplaceLineEndings(Environment.NewLine + "> "));

    public void Bullets(IEnumerable<string> items) => Block(string.Join(Environment.NewLine, items.Select(i => "- " + i)));

    public void Code(string code) => Block("```" + Environment.NewLine + code.TrimEnd() + Environment.NewLine + "```");

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var lines = new List<string>
        {
            Row(header),
            Row(header.Select(_ => "---")),
        };
        lines.AddRange(rows.Select(Row));
        Block(string.Join(Environment.NewLine, lines));
    }

    /// <summary>One row per latency distribution: count and percentiles, "n/a" where nothing was measured.</summary>
    public void LatencyTable(IEnumerable<(string Measure, LatencySummary? Summary)> rows) =>
        Table(
            ["Latency", "n", "p50", "p95", "p99", "max", "mean"],
            rows.Select(r => (IReadOnlyList<string>)(r.Summary is { } s
                ? [r.Measure, Units.Count(s.Count), Units.Ms(s.P50), Units.Ms(s.P95), Units.Ms(s.P99), Units.Ms(s.Max), Units.Ms(s.Mean)]
                : [r.Measure, "0", "n/a", "n/a", "n/a", "n/a", "n/a"])));

    public override string ToString() => text.ToString();

    static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";

    void Block(string block) => text.Append(block).Append(Environment.NewLine).Append(Environment.NewLine);
}
