using Swarm.Api.Contract;

namespace Swarm.LocalHost;

/// <summary>
/// <c>Swarm.LocalHost openapi [path]</c>: writes the API's OpenAPI document, generated from the route table, to
/// <c>path</c> (or prints it). How <c>docs/api/openapi.json</c> is regenerated after an API change; it needs no
/// configuration, storage or running host.
/// </summary>
static class OpenApiCommand
{
    public const string Name = "openapi";

    public static int Run(string[] args)
    {
        var text = OpenApiDocument.ToFileText(OpenApiDocument.ForSwarm);
        if (args.Length == 0)
        {
            Console.Out.Write(text);
            return HostUsage.ExitStopped;
        }

        var path = Path.GetFullPath(args[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Console.WriteLine($"Wrote the OpenAPI document to {path}.");
        return HostUsage.ExitStopped;
    }
}
