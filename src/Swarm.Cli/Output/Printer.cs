using Spectre.Console;
using Spectre.Console.Rendering;
using Swarm.Cli.Api;

namespace Swarm.Cli.Output;

/// <summary>Prints an answer the one way the invocation asked: the API's JSON as it came (<c>--json</c>), or for a person.</summary>
static class Printer
{
    public static void Print(CommandContext context, ApiAnswer answer, Func<ApiAnswer, IRenderable?> forPeople)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(forPeople);
        if (context.Json)
        {
            context.Environment.Output.WriteLine(string.IsNullOrWhiteSpace(answer.Raw) ? "{}" : answer.Raw);
            return;
        }

        if (forPeople(answer) is { } renderable)
        {
            context.Environment.Terminal.Write(renderable);
        }
    }

    /// <summary>A line for a person (never in <c>--json</c> output, where it would break the document).</summary>
    public static void Say(CommandContext context, string line)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Json)
        {
            context.Environment.Terminal.WriteLine(line);
        }
    }

    /// <summary>Lines under a table that say there is more: the continuation token to pass for the next page.</summary>
    public static IRenderable WithNextPage(IRenderable table, ApiAnswer answer, string commandHint)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var token = Json.Text(answer.Body, "continuationToken");
        return token is null
            ? new Rows(table)
            : new Rows(table, new Text($"More: {commandHint} --continuation-token '{token}'", new Style(Color.Grey)));
    }
}
