using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Swarm.Cli.Api;

namespace Swarm.Cli.Output;

/// <summary>How a task (<c>GET /api/v1/tasks/{id}</c>) reads in a terminal: its fields, its steps, its timeline and its result.</summary>
static class TaskViews
{
    public static readonly string[] Finished = ["completed", "failed", "canceled"];

    public static bool IsFinished(JsonElement task) => Finished.Contains(Json.Text(task, "status"));

    /// <summary>The exit code a finished task ends a watch with: 0 completed, <see cref="ExitCodes.TaskFailed"/> otherwise.</summary>
    public static int ExitCodeOf(JsonElement task) => Json.Text(task, "status") == "completed" ? ExitCodes.Ok : ExitCodes.TaskFailed;

    public static IRenderable Summary(JsonElement task) => Tables.Details(
    [
        ("task", Json.Text(task, "id")),
        ("status", Json.Text(task, "status") + (Json.Text(task, "phase") is { } phase ? $" ({phase})" : "")),
        ("strategy", Json.Text(task, "strategy")),
        ("priority", Json.Text(task, "priority")),
        ("agent", Json.Text(task, "agentId")),
        ("agents", Json.Text(task, "agents")),
        ("waiting", Json.Text(task, "waiting")),
        ("created", Json.Text(task, "createdAt")),
        ("tokens", Tokens(task)),
        ("error", Json.At(task, "error") is { } error ? $"{Json.Text(error, "type")}: {Json.Text(error, "message")}" : null),
    ]);

    public static IRenderable Full(JsonElement task)
    {
        var parts = new List<IRenderable> { Summary(task) };
        if (Json.Text(task, "prompt") is { } prompt)
        {
            parts.Add(new Panel(new Text(prompt)).Header("prompt").Expand());
        }

        var steps = Json.Array(task, "steps").ToList();
        if (steps.Count > 0)
        {
            parts.Add(Tables.Of(steps,
            [
                new("step", "stage"), new("agent", "agentId"), new("model", "answer.model"),
                new("in", "answer.inputTokens"), new("out", "answer.outputTokens"), new("ms", "answer.latencyMs"), new("tools", "answer.toolCalls"),
            ]));
        }

        var timeline = Json.Array(task, "timeline").ToList();
        if (timeline.Count > 0)
        {
            parts.Add(Tables.Of(timeline.TakeLast(20), [new("at", "at", Instants.TimeOfDay), new("event", "kind"), new("detail", "detail")]));
        }

        if (Json.TextAt(task, "result.text") is { } result)
        {
            parts.Add(new Panel(new Text(result)).Header("result").Expand());
        }

        return new Rows(parts);
    }

    static string? Tokens(JsonElement task)
    {
        if (Json.At(task, "totals") is not { ValueKind: JsonValueKind.Object } totals)
        {
            return null;
        }

        var cost = Json.At(totals, "costUsd") is { ValueKind: JsonValueKind.Number } c ? string.Create(CultureInfo.InvariantCulture, $", ${c.GetDecimal():0.####}") : "";
        return $"{Json.Text(totals, "inputTokens")} in, {Json.Text(totals, "outputTokens")} out{cost}";
    }
}
