using System.Globalization;
using System.Net;
using System.Text;

namespace Swarm.Benchmarks.Reporting;

/// <summary>
/// A line chart written as SVG by hand, so a reader of the docs sees a benchmark's curves without running anything and
/// without a charting package. Panels stack vertically over one x axis; sizes, fonts and number formats are fixed, so a
/// rerun with the same numbers writes the same bytes and a changed chart diffs as changed numbers only.
/// </summary>
static class SvgChart
{
    const int Width = 880;
    const int PanelHeight = 300;
    const int Left = 70;
    const int Right = 200;
    const int Top = 40;
    const int Bottom = 50;
    const int YTicks = 5;

    public static string Render(string title, string xLabel, IReadOnlyList<ChartPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var height = (panels.Count * (PanelHeight + Top + Bottom)) + Top;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{Escape(title)}</text>\n");
        for (var i = 0; i < panels.Count; i++)
        {
            DrawPanel(svg, panels[i], xLabel, Top + (i * (PanelHeight + Top + Bottom)) + Top);
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    static void DrawPanel(StringBuilder svg, ChartPanel panel, string xLabel, int top)
    {
        var plotWidth = Width - Left - Right;
        var count = panel.Series.Max(s => s.Values.Count);
        var values = panel.Series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var (low, high) = NiceRange(panel.YMin ?? values.Min(), panel.YMax ?? values.Max());
        double X(int index) => Left + (count <= 1 ? 0 : plotWidth * (index / (double)(count - 1)));
        double Y(double value) => top + (PanelHeight * (1 - ((value - low) / (high - low))));

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{top - 10}\" font-size=\"14\" font-weight=\"bold\">{Escape(panel.Title)}</text>\n");
        for (var t = 0; t <= YTicks; t++)
        {
            var value = low + ((high - low) * t / YTicks);
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Left + plotWidth}\" y2=\"{F(y)}\" stroke=\"#e0e0e0\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Label(value)}</text>\n");
        }

        foreach (var x in XTicks(count))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(x - 1))}\" y=\"{top + PanelHeight + 16}\" text-anchor=\"middle\">{x}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#666\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{top + PanelHeight + 34}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {top + (PanelHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(panel.YLabel)}</text>\n");

        for (var s = 0; s < panel.Series.Count; s++)
        {
            var series = panel.Series[s];
            var points = string.Join(' ', Thin(series.Values.Count).Select(i => $"{F(X(i))},{F(Y(Math.Clamp(series.Values[i], low, high)))}"));
            var dash = series.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{series.Colour}\" stroke-width=\"1.6\"{dash}/>\n");
            var legendY = top + 10 + (s * 18);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left + plotWidth + 12}\" y1=\"{legendY}\" x2=\"{Left + plotWidth + 36}\" y2=\"{legendY}\" stroke=\"{series.Colour}\" stroke-width=\"2\"{dash}/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth + 42}\" y=\"{legendY + 4}\">{Escape(series.Name)}</text>\n");
        }
    }

    /// <summary>At most about 250 points per line: enough for the eye, and the file stays small.</summary>
    static IEnumerable<int> Thin(int count)
    {
        var step = Math.Max(1, count / 250);
        for (var i = 0; i < count; i += step)
        {
            yield return i;
        }

        if (count > 0 && (count - 1) % step != 0)
        {
            yield return count - 1;
        }
    }

    static IEnumerable<int> XTicks(int count)
    {
        var step = count <= 10 ? 1 : NiceStep(count / 10.0);
        yield return 1;
        for (var x = (int)step; x <= count; x += (int)step)
        {
            yield return x;
        }
    }

    static (double Low, double High) NiceRange(double low, double high)
    {
        if (high - low < 1e-9)
        {
            return (low - 1, high + 1);
        }

        var step = NiceStep((high - low) / YTicks);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step);
    }

    static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    static string Label(double value) => Math.Abs(value) >= 10 || value == Math.Round(value)
        ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    static string Escape(string text) => WebUtility.HtmlEncode(text);
}
