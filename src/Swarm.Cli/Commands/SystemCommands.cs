using System.CommandLine;
using Spectre.Console;
using Spectre.Console.Rendering;
using Swarm.Cli.Api;
using Swarm.Cli.Output;

namespace Swarm.Cli.Commands;

/// <summary><c>swarm system status|health|metrics</c>: the swarm at a glance, its dependencies, and its numbers.</summary>
static class SystemCommands
{
    public static Command Build(CliEnvironment environment)
    {
        var system = new Command("system", "The swarm's state, health and metrics.");
        system.Subcommands.Add(Show(environment, "status", "api/v1/system/state", "Agents, the queue, autoscaling, the channel and this instance (GET /api/v1/system/state).", Status));
        system.Subcommands.Add(Show(environment, "health", "api/v1/system/health", "Every dependency checked now (GET /api/v1/system/health).", e => Tables.Fields(e)));
        system.Subcommands.Add(Show(environment, "metrics", "api/v1/system/metrics", "Model calls, tokens, cost, queue and consensus numbers (GET /api/v1/system/metrics).", e => Tables.Fields(e)));
        return system;
    }

    static Command Show(CliEnvironment environment, string name, string path, string description, Func<System.Text.Json.JsonElement, IRenderable> render)
    {
        var command = new Command(name, description);
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(path, cancellationToken);
            Printer.Print(context, answer, a => render(a.Body));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Counts by name (<c>running 2, queued 1</c>), or <c>none</c>.</summary>
    public static string Counts(System.Text.Json.JsonElement? counts) =>
        counts is { ValueKind: System.Text.Json.JsonValueKind.Object } given && given.EnumerateObject().Any()
            ? string.Join(", ", given.EnumerateObject().Select(p => $"{p.Name} {p.Value}"))
            : "none";

    static IRenderable Status(System.Text.Json.JsonElement state) => new Rows(
        Tables.Details(
        [
            ("agents", Json.TextAt(state, "agents.total") is { } total ? $"{total} ({Counts(Json.At(state, "agents.byLifecycle"))}); {Json.TextAt(state, "agents.retired") ?? "0"} retired" : null),
            ("unfinished tasks", Counts(Json.At(state, "queue.byStatus"))),
            ("oldest waiting", Json.TextAt(state, "queue.oldestWaitingTask")),
            ("autoscaling", Json.TextAt(state, "scaling.enabled")),
            ("channel", Json.TextAt(state, "realtime.active") is { } active ? (active == "true" ? $"on (hub {Json.TextAt(state, "realtime.hub")})" : "off") : null),
            ("connected agents", Json.TextAt(state, "presence.connected")),
            ("learning", Json.TextAt(state, "learning.algorithm")),
            ("instance", Json.TextAt(state, "instance.host") is { } host ? $"{host}, pid {Json.TextAt(state, "instance.processId")}, up {Json.TextAt(state, "instance.uptimeSeconds")} s" : null),
        ]),
        new Text("(--json shows everything)", new Style(Color.Grey)));
}
