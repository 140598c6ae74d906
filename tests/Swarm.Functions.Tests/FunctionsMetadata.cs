using System.Text.Json;
using Swarm.Tests;

namespace Swarm.Functions.Tests;

/// <summary>The functions.metadata the Functions SDK generated for the app: the list the Functions host will index.</summary>
static class FunctionsMetadata
{
    public static string OutputFolder => RepositoryPaths.ProjectOutput("Swarm.Functions");

    public static IReadOnlyDictionary<string, JsonElement> Functions { get; } = Read();

    /// <summary>The function's trigger binding (the one binding whose type ends in "Trigger").</summary>
    public static JsonElement Trigger(string function) =>
        Functions[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    static Dictionary<string, JsonElement> Read()
    {
        var path = Path.Combine(OutputFolder, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions app was not built.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
