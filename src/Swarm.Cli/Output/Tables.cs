using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Swarm.Cli.Api;

namespace Swarm.Cli.Output;

/// <summary>
/// Tables and detail grids built from the API's JSON. Spectre.Console lays them out to the terminal's width: columns
/// shrink and their cells wrap rather than run past the edge, so a narrow terminal gets taller rows, not broken lines.
/// </summary>
static class Tables
{
    /// <summary>Cells longer than this are cut with an ellipsis: a table row is for finding a thing, <c>get</c> shows all of it.</summary>
    const int LongestCell = 120;

    public static Table Of(IEnumerable<JsonElement> items, IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold))));
        }

        foreach (var item in items)
        {
            table.AddRow(columns.Select(c => (IRenderable)new Text(Cut(Json.TextAt(item, c.Path) is { } value ? c.Format?.Invoke(value) ?? value : ""))));
        }

        return table;
    }

    /// <summary>Label and value pairs, one a line (a task's or an agent's fields); pairs without a value are left out.</summary>
    public static Grid Details(IEnumerable<(string Label, string? Value)> pairs)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in pairs.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value!));
        }

        return grid;
    }

    /// <summary>Every scalar field of an object (and short lists), for things the CLI has no special view of.</summary>
    public static Grid Fields(JsonElement element, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Details(Flatten(element, prefix).ToList());
    }

    static IEnumerable<(string, string?)> Flatten(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix.Length == 0 ? "value" : prefix, Json.Text(element));
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object && prefix.Count(c => c == '.') < 2)
            {
                foreach (var nested in Flatten(property.Value, name + "."))
                {
                    yield return nested;
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(v => v.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
            {
                yield return (name, $"({property.Value.GetArrayLength()} items; --json shows them)");
            }
            else
            {
                yield return (name, Cut(Json.Text(property.Value) ?? ""));
            }
        }
    }

    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= LongestCell ? oneLine : oneLine[..(LongestCell - 1)] + "…";
    }
}
