using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Swarm.Api;
using Swarm.Functions.WorkerHost.Tests.Host;
using Swarm.Tests;
using Swarm.Workflows;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// The built worker, started as the Functions host starts it, initialises over the language worker protocol and
/// reports the functions the generated functions.metadata and the shared catalogs say it has.
/// </summary>
public sealed class WorkerIndexingTests
{
    [Fact]
    public async Task The_worker_answers_init_and_reports_every_function_of_the_generated_metadata_with_its_bindings()
    {
        await using var worker = await FunctionsWorkerProcess.StartAsync(await AppSettings.ForTestAsync());

        Assert.Equal(StatusResult.Types.Status.Success, worker.Init.Result.Status);
        var metadata = await worker.MetadataAsync();

        Assert.True(StatusResult.Types.Status.Success == metadata.Result.Status, metadata.Result.Exception?.Message);
        // The worker indexes itself (the SDK's generated provider); asking the host to read functions.metadata would mean it did not.
        Assert.False(metadata.UseDefaultMetadataIndexing);
        var reported = metadata.FunctionMetadataResults.ToDictionary(f => f.Name);
        var generated = GeneratedMetadata();
        Assert.Equal(generated.Keys.Order(), reported.Keys.Order());
        foreach (var (name, function) in reported)
        {
            Assert.False(string.IsNullOrEmpty(function.FunctionId), $"{name} has no function id.");
            var fromFile = Bindings(generated[name]);
            var fromWorker = function.RawBindings.Select(Binding).ToHashSet();
            Assert.True(fromFile.SetEquals(fromWorker), $"{name}: functions.metadata has {string.Join(" ", fromFile)}; the worker reports {string.Join(" ", fromWorker)}");
        }
    }

    [Fact]
    public async Task The_reported_functions_cover_every_route_workflow_and_entity_of_the_catalogs()
    {
        await using var worker = await FunctionsWorkerProcess.StartAsync(await AppSettings.ForTestAsync());
        var reported = (await worker.MetadataAsync()).FunctionMetadataResults.ToDictionary(f => f.Name);

        var expected = SwarmRoutes.All.Select(r => (r.Name, "httpTrigger"))
            .Concat(WorkflowCatalog.Orchestrators.Select(t => (t.Name, "orchestrationTrigger")))
            .Concat(WorkflowCatalog.Activities.Select(t => (t.Name, "activityTrigger")))
            .Concat(WorkflowCatalog.Entities.Keys.Select(name => (name, "entityTrigger")));
        foreach (var (name, trigger) in expected)
        {
            Assert.True(reported.ContainsKey(name), $"The worker does not report '{name}'.");
            Assert.Contains(reported[name].RawBindings, b => Binding(b).Contains($"\"type\":\"{trigger}\"", StringComparison.OrdinalIgnoreCase));
        }

        // The timers: the same set functions.metadata has (held to the periodic jobs by Swarm.Functions.Tests).
        var timers = GeneratedMetadata().Where(f => Bindings(f.Value).Any(b => b.Contains("\"type\":\"timerTrigger\"", StringComparison.OrdinalIgnoreCase))).Select(f => f.Key);
        Assert.NotEmpty(timers);
        Assert.All(timers, name => Assert.Contains(reported[name].RawBindings, b => Binding(b).Contains("\"type\":\"timerTrigger\"", StringComparison.OrdinalIgnoreCase)));
    }

    static Dictionary<string, JsonElement> GeneratedMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.ProjectOutput("Swarm.Functions"), "functions.metadata")));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    static HashSet<string> Bindings(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Select(b => Binding(b.GetRawText())).ToHashSet();

    /// <summary>
    /// A binding in one canonical form (properties sorted, no whitespace, an empty <c>properties</c> object left out as
    /// the worker leaves it out), so the two sources compare by content.
    /// </summary>
    static string Binding(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Canonical(document.RootElement);
    }

    static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Object || p.Value.EnumerateObject().Any())
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
