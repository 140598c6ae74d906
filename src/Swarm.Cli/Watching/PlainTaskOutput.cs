using System.Text.Json;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;

namespace Swarm.Cli.Watching;

/// <summary>
/// A watch as lines that are never rewritten (output piped to a file or another program, or a terminal without
/// cursor control): each status change, each new timeline entry, and streamed text as it arrives under a line that
/// names its step and agent.
/// </summary>
sealed class PlainTaskOutput(IAnsiConsole terminal) : ITaskWatchOutput
{
    string? status;
    int timelineShown;
    StreamKey? streaming;
    bool midLine;

    public void Task(JsonElement task)
    {
        var now = Json.Text(task, "status") + (Json.Text(task, "phase") is { } phase ? $" ({phase})" : "");
        if (now != status)
        {
            Line($"{Json.Text(task, "id")}: {now}");
            status = now;
        }

        var timeline = Json.Array(task, "timeline").ToList();
        foreach (var entry in timeline.Skip(timelineShown))
        {
            Line($"  {Instants.TimeOfDay(Json.Text(entry, "at"))}  {Json.Text(entry, "kind")}  {Json.Text(entry, "detail")}");
        }

        timelineShown = Math.Max(timelineShown, timeline.Count);
    }

    public void Delta(JsonElement delta)
    {
        var key = StreamKey.Of(delta);
        if (key != streaming)
        {
            Line($"── {key.Title}");
            streaming = key;
        }

        var text = Json.Text(delta, "text") ?? "";
        terminal.Write(new Text(text));
        midLine = text.Length > 0 && !text.EndsWith('\n');
        if (Json.At(delta, "final") is { ValueKind: JsonValueKind.True })
        {
            Line("");
            streaming = null;
        }
    }

    public void Note(string text) => Line(text);

    void Line(string text)
    {
        if (midLine)
        {
            terminal.WriteLine();
            midLine = false;
        }

        if (text.Length > 0)
        {
            terminal.WriteLine(text, Style.Plain);
        }
    }
}
