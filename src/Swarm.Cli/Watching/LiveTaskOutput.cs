using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Swarm.Cli.Api;
using Swarm.Cli.Output;

namespace Swarm.Cli.Watching;

/// <summary>
/// A watch redrawn in place on an interactive terminal: the task's fields, its latest timeline entries, and a panel
/// per model call with the tail of its streamed text, all sized to the terminal (older lines scroll off the top).
/// </summary>
sealed class LiveTaskOutput(IAnsiConsole terminal) : ITaskWatchOutput
{
    const int StreamsShown = 3;

    readonly Dictionary<StreamKey, StringBuilder> streams = [];
    readonly List<StreamKey> order = [];
    readonly List<string> notes = [];
    JsonElement? task;

    /// <summary>Set by the live display once it runs; each change redraws through it.</summary>
    public LiveDisplayContext? Display { get; set; }

    public void Task(JsonElement latest)
    {
        task = latest;
        Redraw();
    }

    public void Delta(JsonElement delta)
    {
        var key = StreamKey.Of(delta);
        if (!streams.TryGetValue(key, out var text))
        {
            streams[key] = text = new StringBuilder();
            order.Add(key);
        }

        text.Append(Json.Text(delta, "text"));
        Redraw();
    }

    public void Note(string text)
    {
        notes.Add(text);
        Redraw();
    }

    void Redraw()
    {
        if (Display is { } display)
        {
            display.UpdateTarget(Render());
            display.Refresh();
        }
    }

    public IRenderable Render()
    {
        var parts = new List<IRenderable>();
        var height = Math.Max(terminal.Profile.Height, 20);
        if (task is { } current)
        {
            parts.Add(TaskViews.Summary(current));
            var timeline = Json.Array(current, "timeline").ToList();
            if (timeline.Count > 0)
            {
                parts.Add(Tables.Of(timeline.TakeLast(Math.Max(3, (height / 3) - 4)), [new("at", "at", Instants.TimeOfDay), new("event", "kind"), new("detail", "detail")]));
            }
        }

        var width = Math.Max(terminal.Profile.Width - 4, 10);
        foreach (var key in order.TakeLast(StreamsShown))
        {
            parts.Add(new Panel(new Text(Tail(streams[key].ToString(), width, Math.Max(3, height / 6)))).Header(Markup.Escape(key.Title)).Expand());
        }

        parts.AddRange(notes.TakeLast(3).Select(n => new Text(n, new Style(Color.Grey))));
        return new Rows(parts);
    }

    /// <summary>The last <paramref name="lines"/> lines the text fills at <paramref name="width"/> columns.</summary>
    internal static string Tail(string text, int width, int lines)
    {
        var wrapped = text.ReplaceLineEndings("\n").Split('\n')
            .SelectMany(line => line.Length == 0 ? [""] : Enumerable.Range(0, ((line.Length - 1) / width) + 1).Select(i => line.Substring(i * width, Math.Min(width, line.Length - (i * width)))))
            .ToList();
        return string.Join('\n', wrapped.TakeLast(lines));
    }
}
