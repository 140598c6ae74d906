using System.Text.Json;
using Spectre.Console.Testing;
using Swarm.Cli.Output;

namespace Swarm.Cli.Tests;

/// <summary>Tables and task views laid out for a narrow terminal: rows wrap inside the width, nothing runs past it or is lost.</summary>
public sealed class TableRenderingTests
{
    static readonly JsonElement Tasks = JsonDocument.Parse("""
        {"items": [
          {"id": "task-2c0d9f1e8a7b4c3d", "status": "completed", "phase": null, "strategy": "single", "priority": 7, "agentId": "queen-1", "createdAt": "2026-12-06T14:00:00Z"},
          {"id": "task-77aa", "status": "failed", "strategy": "consensus", "priority": 5, "agentId": "reviewer-correctness-1", "createdAt": "2026-12-06T14:01:00Z", "error": "StepFailed"}
        ]}
        """).RootElement;

    static readonly Column[] TaskColumns = [new("id", "id"), new("status", "status"), new("strategy", "strategy"), new("prio", "priority"), new("agent", "agentId"), new("error", "error")];

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    public void A_task_table_fits_a_narrow_terminal_and_keeps_every_value(int width)
    {
        var console = new TestConsole().Width(width);

        console.Write(Tables.Of(Tasks.GetProperty("items").EnumerateArray(), TaskColumns));

        var lines = console.Lines;
        Assert.All(lines, line => Assert.True(line.Length <= width, $"'{line}' is {line.Length} columns wide, over {width}"));
        // A wrapped cell continues on the next lines of its own column: read each column top to bottom.
        var columns = ColumnsOf(lines);
        Assert.Contains("task-2c0d9f1e8a7b4c3d", columns[0], StringComparison.Ordinal);
        Assert.Contains("consensus", columns[2], StringComparison.Ordinal);
        Assert.Contains("reviewer-correctness-1", columns[4], StringComparison.Ordinal);
        Assert.Contains("StepFailed", columns[5], StringComparison.Ordinal);
    }

    /// <summary>Each column's text, its cells' lines joined without the padding (a rounded table separates columns with │).</summary>
    static List<string> ColumnsOf(IEnumerable<string> lines)
    {
        var columns = new List<string>();
        foreach (var cells in lines.Where(l => l.StartsWith('│')).Select(l => l.Trim('│').Split('│')))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (columns.Count <= i)
                {
                    columns.Add("");
                }

                columns[i] += cells[i].Trim();
            }
        }

        return columns;
    }

    [Fact]
    public void A_task_view_with_a_long_result_wraps_inside_a_40_column_terminal()
    {
        var task = JsonDocument.Parse("""
            {"id": "task-1", "status": "completed", "strategy": "single", "agentId": "queen-1", "prompt": "Write a haiku about durable workflows",
             "steps": [{"stage": "main", "agentId": "queen-1", "answer": {"model": "simulated-1", "inputTokens": 5, "outputTokens": 15, "latencyMs": 201, "toolCalls": 0}}],
             "timeline": [{"at": "2026-12-06T14:00:00Z", "kind": "claimed", "detail": "queen-1 took step main after waiting 0.2 s in line"}],
             "totals": {"inputTokens": 5, "outputTokens": 15, "costUsd": 0.0001},
             "result": {"text": "[simulated] answer 5f1c0e2a9b3d to a 5-word prompt: \"Write a haiku about durable workflows\" and then some more words to wrap"}}
            """).RootElement;
        var console = new TestConsole().Width(40);

        console.Write(TaskViews.Full(task));

        Assert.All(console.Lines, line => Assert.True(line.Length <= 40, $"'{line}' is over 40 columns"));
        Assert.Contains("5 in, 15 out, $0.0001", console.Output, StringComparison.Ordinal);
        Assert.Contains("wrap", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_longer_than_a_row_should_show_is_cut_with_an_ellipsis()
    {
        var cut = Tables.Cut(new string('x', 500));

        Assert.Equal(120, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }
}
