using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;

namespace Swarm.Cli.Commands;

/// <summary><c>swarm agents list|get|create|scale|retire</c>.</summary>
static class AgentCommands
{
    static readonly Argument<string> Id = new("id") { Description = "The agent's id." };

    public static Command Build(CliEnvironment environment)
    {
        var agents = new Command("agents", "List, create, scale and retire agents.");
        agents.Subcommands.Add(List(environment));
        agents.Subcommands.Add(Get(environment));
        agents.Subcommands.Add(Create(environment));
        agents.Subcommands.Add(Scale(environment));
        agents.Subcommands.Add(Retire(environment));
        return agents;
    }

    static Command List(CliEnvironment environment)
    {
        var type = new Option<string?>("--type") { Description = "queen, worker, specialist, ..." };
        var status = new Option<string?>("--status") { Description = "active, draining or retired." };
        var expertise = new Option<string?>("--expertise") { Description = "Only agents with this expertise." };
        var (pageSize, continuation) = Paging.Options();
        var command = new Command("list", "The agents (GET /api/v1/agents).") { type, status, expertise, pageSize, continuation };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(SwarmApi.WithQuery("api/v1/agents",
                [("type", context.Value(type)), ("status", context.Value(status)), ("expertise", context.Value(expertise)), .. Paging.Query(context, pageSize, continuation)]), cancellationToken);
            Printer.Print(context, answer, a => Printer.WithNextPage(Tables.Of(Json.Array(a.Body, "items"),
            [
                new("id", "id"), new("type", "type"), new("lifecycle", "lifecycle"), new("expertise", "expertise"),
                new("provider", "provider"), new("model", "model"), new("seats", "maxConcurrency"), new("connected", "presence.connected"),
            ]), a, "swarm agents list"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Get(CliEnvironment environment)
    {
        var command = new Command("get", "An agent: status, load, skill and presence (GET /api/v1/agents/{id}).") { Id };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync($"api/v1/agents/{SwarmApi.Segment(context.Value(Id)!)}", cancellationToken);
            Printer.Print(context, answer, a => Tables.Fields(a.Body));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Create(CliEnvironment environment)
    {
        var body = new Option<string?>("--body") { Description = "A JSON file with the agent's whole configuration (- for standard input); flags are set on top." };
        var id = new Option<string?>("--id") { Description = "Its id (else the swarm makes one)." };
        var name = new Option<string?>("--name") { Description = "Its name." };
        var type = new Option<string?>("--type") { Description = "queen, worker, specialist, ..." };
        var provider = new Option<string?>("--provider") { Description = "qwen, openai, claude, local, custom, simulated or external." };
        var model = new Option<string?>("--model") { Description = "The provider's model." };
        var expertise = new Option<string[]>("--expertise", "-e") { Description = "A capability it has (repeat for more)." };
        var seats = new Option<int?>("--max-concurrency") { Description = "Steps it may hold at once." };
        var instructions = new Option<string?>("--instructions") { Description = "Its standing instructions." };
        var command = new Command("create", "Create an agent (POST /api/v1/agents). Its API key is printed once.") { body, id, name, type, provider, model, expertise, seats, instructions };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            var request = BodyFile.Read(context, context.Value(body));
            Put(request, "id", context.Value(id));
            Put(request, "name", context.Value(name) ?? context.Value(id));
            Put(request, "type", context.Value(type));
            Put(request, "instructions", context.Value(instructions));
            if (context.Value(seats) is { } maxConcurrency)
            {
                request["maxConcurrency"] = maxConcurrency;
            }

            if (context.Value(provider) is not null || context.Value(model) is not null)
            {
                var section = request["provider"] as JsonObject ?? [];
                Put(section, "type", context.Value(provider));
                Put(section, "model", context.Value(model));
                request["provider"] = section;
            }

            if (context.Value(expertise) is { Length: > 0 } given)
            {
                var role = request["role"] as JsonObject ?? new JsonObject { ["type"] = "operational", ["permissions"] = new JsonArray() };
                role["expertise"] = new JsonArray([.. given.Select(e => JsonValue.Create(e))]);
                request["role"] = role;
            }

            using var api = context.Api();
            var answer = await api.PostAsync("api/v1/agents", request.ToJsonString(), cancellationToken);
            Printer.Print(context, answer, a => new Rows(
                Tables.Details([("agent", Json.TextAt(a.Body, "agent.id") ?? Json.Text(a.Body, "id")), ("api key", Json.TextAt(a.Body, "apiKey.apiKey")), ("key id", Json.TextAt(a.Body, "apiKey.keyId"))]),
                new Text("The API key is shown this once: keep it (swarm login --api-key-stdin takes it).\n", new Style(Color.Grey))));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Scale(CliEnvironment environment)
    {
        var type = new Option<string>("--type") { Description = "The pool's agent type.", Required = true };
        var expertise = new Option<string[]>("--expertise", "-e") { Description = "The pool's expertise (repeat for more)." };
        var target = new Option<int?>("--target") { Description = "The pool's new size." };
        var delta = new Option<int?>("--delta") { Description = "Agents to add (or, negative, retire)." };
        var provider = new Option<string?>("--provider") { Description = "New agents' provider type (else copied from a member)." };
        var model = new Option<string?>("--model") { Description = "New agents' model." };
        var command = new Command("scale", "Resize a pool of agents (POST /api/v1/agents/scale).") { type, expertise, target, delta, provider, model };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            var request = new JsonObject { ["type"] = context.Value(type), ["expertise"] = new JsonArray([.. (context.Value(expertise) ?? []).Select(e => JsonValue.Create(e))]) };
            if (context.Value(target) is { } size)
            {
                request["target"] = size;
            }

            if (context.Value(delta) is { } change)
            {
                request["delta"] = change;
            }

            if (context.Value(provider) is not null || context.Value(model) is not null)
            {
                var section = new JsonObject();
                Put(section, "type", context.Value(provider));
                Put(section, "model", context.Value(model));
                request["provider"] = section;
            }

            using var api = context.Api();
            var answer = await api.PostAsync("api/v1/agents/scale", request.ToJsonString(), cancellationToken);
            Printer.Print(context, answer, a => Tables.Details(
            [
                ("pool", Json.Text(a.Body, "pool")),
                ("size", $"{Json.Text(a.Body, "before")} -> {Json.Text(a.Body, "after")}"),
                ("created", Json.Text(a.Body, "created")),
                ("retired", Json.Text(a.Body, "retired")),
                ("status", a.Status == 202 ? "retiring busy agents takes longer (202)" : null),
            ]));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Retire(CliEnvironment environment)
    {
        var command = new Command("retire", "Drain an agent, revoke its keys and retire it (DELETE /api/v1/agents/{id}).") { Id };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.SendAsync(HttpMethod.Delete, $"api/v1/agents/{SwarmApi.Segment(context.Value(Id)!)}", null, cancellationToken);
            Printer.Print(context, answer, a => new Text(string.Create(CultureInfo.InvariantCulture, $"{context.Value(Id)}: retiring ({a.Status})\n")));
            return ExitCodes.Ok;
        });
        return command;
    }

    static void Put(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
