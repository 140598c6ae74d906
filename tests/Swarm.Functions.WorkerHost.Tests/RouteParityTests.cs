using System.Text.Json;
using Swarm.Api;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// Every route of <see cref="SwarmRoutes"/>, invoked through the built worker with the request data the Functions host
/// would send, answers as the local host answers the same request (<see cref="RouteCases"/>), on one task hub.
/// </summary>
public sealed class RouteParityTests(RouteParityFixture swarm) : IClassFixture<RouteParityFixture>
{
    public static TheoryData<string> Cases => [.. RouteCases.All.Select(c => c.Name)];

    [Fact]
    public void Every_route_has_a_case()
    {
        var covered = RouteCases.All.Select(c => c.Route.Name).ToHashSet();

        var missing = SwarmRoutes.All.Select(r => r.Name).Except(covered).ToList();
        Assert.True(missing.Count == 0, "Routes with no case in RouteCases: " + string.Join(", ", missing));
        Assert.Equal(RouteCases.All.Count, RouteCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_route_answers_through_the_worker_as_on_the_local_host(string name)
    {
        var routeCase = RouteCases.All.Single(c => c.Name == name);

        var local = await swarm.SendToLocalAsync(routeCase.Request(swarm, "local"));
        var worker = await swarm.InvokeAsync(routeCase.Route, routeCase.Request(swarm, "worker"));

        var detail = $"{name} ({routeCase.Parity}{(routeCase.Why.Length > 0 ? ": " + routeCase.Why : string.Empty)}){Environment.NewLine}local host: {local}{Environment.NewLine}worker: {worker}";
        AssertSame(routeCase, local, worker, detail);
        if (routeCase.Effect is { } effect)
        {
            await effect(swarm, worker);
        }
    }

    static void AssertSame(RouteCase routeCase, RouteAnswer local, RouteAnswer worker, string detail) =>
        AssertSame(routeCase.Parity, local, worker, detail, routeCase.ServerMadeHeaders, routeCase.PerProcessProperties, routeCase.WrittenBetweenRequests);

    /// <summary>Holds two answers to be equal as far as <paramref name="parity"/> says (see <see cref="Parity"/>).</summary>
    internal static void AssertSame(
        Parity parity,
        RouteAnswer local,
        RouteAnswer worker,
        string detail,
        IReadOnlyCollection<string>? serverMadeHeaders = null,
        IReadOnlyCollection<string>? perProcessProperties = null,
        IReadOnlyCollection<string>? writtenBetweenRequests = null)
    {
        serverMadeHeaders ??= [];
        perProcessProperties ??= [];
        writtenBetweenRequests ??= [];
        Assert.True(local.Status == worker.Status, detail);
        foreach (var (header, value) in local.Headers)
        {
            Assert.True(worker.Headers.TryGetValue(header, out var workerValue), $"The worker's answer has no {header}.{Environment.NewLine}{detail}");
            Assert.True(parity == Parity.Whole ? value == workerValue : serverMadeHeaders.Contains(header) || value == workerValue, $"{header} differs.{Environment.NewLine}{detail}");
        }

        switch (parity)
        {
            case Parity.Whole:
                Assert.True(local.Body == worker.Body, detail);
                break;
            case Parity.Shape:
                var (localJson, workerJson) = (local.Json(), worker.Json());
                Assert.True(localJson is not null && workerJson is not null, detail);
                if (localJson.Value.ValueKind == JsonValueKind.Object && localJson.Value.TryGetProperty("type", out var type) && local.Status >= 400)
                {
                    Assert.True(type.GetString() == workerJson.Value.GetProperty("type").GetString(), detail);
                    Assert.True(localJson.Value.GetProperty("title").GetString() == workerJson.Value.GetProperty("title").GetString(), detail);
                }

                var (localShape, workerShape) = (Shape(localJson.Value, perProcessProperties, writtenBetweenRequests), Shape(workerJson.Value, perProcessProperties, writtenBetweenRequests));
                Assert.True(localShape == workerShape, $"The shapes differ: {localShape} / {workerShape}{Environment.NewLine}{detail}");
                break;
            case Parity.Headers:
                Assert.True(local.Body.Length > 0 && worker.Body.Length > 0, detail);
                break;
        }
    }

    /// <summary>
    /// Property names, recursively, without those in <paramref name="leftOut"/>; an array by the shape of its first element
    /// (two lists of one kind may differ in length when the other side's request added an item).
    /// </summary>
    static string Shape(JsonElement element, IReadOnlyCollection<string> perProcess, IReadOnlyCollection<string> leftOut) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Where(p => !leftOut.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + (perProcess.Contains(p.Name) ? "*" : Shape(p.Value, perProcess, leftOut)))) + "}",
        JsonValueKind.Array => "[" + (element.GetArrayLength() > 0 ? Shape(element[0], perProcess, leftOut) : string.Empty) + "]",
        JsonValueKind.Null => "null",
        _ => "v",
    };
}
