using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;

namespace Swarm.Cli.Commands;

/// <summary><c>swarm memory get|put|list|delete|search</c>: the persistent memory store, by namespace and key.</summary>
static class MemoryCommands
{
    static readonly Argument<string> Namespace = new("namespace") { Description = "The namespace (an agent may use only its own id)." };
    static readonly Argument<string> Key = new("key") { Description = "The key." };

    public static Command Build(CliEnvironment environment)
    {
        var memory = new Command("memory", "Read, write and search the persistent memory store.");
        memory.Subcommands.Add(Get(environment));
        memory.Subcommands.Add(Put(environment));
        memory.Subcommands.Add(List(environment));
        memory.Subcommands.Add(Delete(environment));
        memory.Subcommands.Add(Search(environment));
        return memory;
    }

    static string PathOf(CommandContext context, bool withKey) =>
        $"api/v1/memory/{SwarmApi.Segment(context.Value(Namespace)!)}" + (withKey ? "/" + SwarmApi.Segment(context.Value(Key)!) : "");

    static Command Get(CliEnvironment environment)
    {
        var command = new Command("get", "One value, printed as it is stored (GET /api/v1/memory/{namespace}/{key}).") { Namespace, Key };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(PathOf(context, withKey: true), cancellationToken);

            // The value alone, so `swarm memory get ns key > file` keeps exactly what was put.
            Printer.Print(context, answer, a => new Text((Json.Text(a.Body, "value") ?? "") + "\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Put(CliEnvironment environment)
    {
        var value = new Argument<string?>("value") { Description = "The value (or - to read it from standard input).", Arity = ArgumentArity.ExactlyOne };
        var command = new Command("put", "Store a value, up to 16 KiB (PUT /api/v1/memory/{namespace}/{key}).") { Namespace, Key, value };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            var text = context.Value(value) == "-" ? await context.Environment.Input.ReadToEndAsync(cancellationToken) : context.Value(value);
            using var api = context.Api();
            var answer = await api.SendAsync(HttpMethod.Put, PathOf(context, withKey: true), new { value = text }, cancellationToken);
            Printer.Print(context, answer, a => new Text($"{context.Value(Namespace)}/{context.Value(Key)}: stored ({a.Status})\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command List(CliEnvironment environment)
    {
        var command = new Command("list", "A namespace's keys, with when and by whom each was written (GET /api/v1/memory/{namespace}).") { Namespace };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(PathOf(context, withKey: false), cancellationToken);
            Printer.Print(context, answer, a => Tables.Of(Json.Array(a.Body, "keys"), [new("key", "key"), new("updated", "updatedAt", Instants.DateTime), new("by", "updatedBy"), new("sealed", "sealed")]));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Delete(CliEnvironment environment)
    {
        var command = new Command("delete", "Forget a value (DELETE /api/v1/memory/{namespace}/{key}).") { Namespace, Key };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.SendAsync(HttpMethod.Delete, PathOf(context, withKey: true), null, cancellationToken);
            Printer.Print(context, answer, a => new Text($"{context.Value(Namespace)}/{context.Value(Key)}: deleted ({a.Status})\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Search(CliEnvironment environment)
    {
        var query = new Argument<string>("query") { Description = "Words to look for." };
        var k = new Option<int?>("-k") { Description = "How many hits, 1 to 50 (default 10)." };
        var command = new Command("search", "The entries that best match, best first (GET /api/v1/memory/{namespace}/search).") { Namespace, query, k };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(SwarmApi.WithQuery(PathOf(context, withKey: false) + "/search",
                ("q", context.Value(query)), ("k", context.Value(k)?.ToString(CultureInfo.InvariantCulture))), cancellationToken);
            Printer.Print(context, answer, a => Tables.Of(Json.Array(a.Body, "hits"), [new("key", "key"), new("score", "score"), new("value", "value"), new("by", "updatedBy")]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
