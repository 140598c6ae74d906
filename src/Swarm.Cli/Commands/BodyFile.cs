using System.Text.Json;
using System.Text.Json.Nodes;

namespace Swarm.Cli.Commands;

/// <summary>
/// A request body from a file (<c>--body task.json</c>, or <c>-</c> for standard input), for what the flags do not
/// cover (pipeline stages, an agent's whole configuration). Flags given as well are set on top of it.
/// </summary>
static class BodyFile
{
    public static JsonObject Read(CommandContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (path is null)
        {
            return [];
        }

        string text;
        try
        {
            text = path == "-" ? context.Environment.Input.ReadToEnd() : File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new CliFailure(ExitCodes.Usage, $"error: cannot read {path}: {e.Message}");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new CliFailure(ExitCodes.Usage, $"error: {path} must hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.Usage, $"error: {path} is not JSON: {e.Message}");
        }
    }

    /// <summary><c>k=v</c> pairs (<c>--metadata team=red</c>) as an object.</summary>
    public static JsonObject Pairs(IEnumerable<string> pairs, string option)
    {
        var result = new JsonObject();
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw new CliFailure(ExitCodes.Usage, $"error: {option} takes key=value, not '{pair}'.");
            }

            result[pair[..split]] = pair[(split + 1)..];
        }

        return result;
    }
}
