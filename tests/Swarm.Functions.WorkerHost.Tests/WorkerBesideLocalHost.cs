using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Swarm.Api;
using Swarm.Functions.WorkerHost.Tests.Host;
using Swarm.LocalHost.Tests;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// One built Functions worker and one local host on the same task hub and tables (the worker's <c>[DurableClient]</c>
/// reaches the local host's durable runtime through <see cref="DurableEndpointRelay"/>), shared by a test class: a
/// request can go to either, and what one changes the other reads. Starting both costs some 15 s on a busy machine, so
/// a class starts them once.
/// </summary>
public class WorkerBesideLocalHost : IAsyncLifetime
{
    readonly ConcurrentDictionary<string, Task> loaded = new();
    readonly (string Key, string Value)[] settings;
    Dictionary<string, RpcFunctionMetadata> functions = null!;

    public WorkerBesideLocalHost()
        : this([])
    {
    }

    /// <param name="settings">Settings both processes run with, on top of the test defaults (environment variable names).</param>
    protected WorkerBesideLocalHost(params (string Key, string Value)[] settings) => this.settings = settings;

    internal FunctionsWorkerProcess Worker { get; private set; } = null!;

    public LocalHostProcess Local { get; private set; } = null!;

    internal DurableEndpointRelay Durable { get; private set; } = null!;

    /// <summary>The task hub, which is also both processes' table prefix.</summary>
    public string TaskHub { get; } = "r" + Guid.NewGuid().ToString("N")[..12];

    public IReadOnlyDictionary<string, RpcFunctionMetadata> Functions => functions;

    public virtual async Task InitializeAsync()
    {
        (string, string)[] shared = [("durable__taskHub", TaskHub), ("database__tablePrefix", TaskHub), .. settings];
        await Task.WhenAll(
            Task.Run(async () =>
            {
                var values = await AppSettings.ForTestAsync();
                values["TaskHubName"] = TaskHub;
                values["database__tablePrefix"] = TaskHub;
                foreach (var (key, value) in settings)
                {
                    values[key] = value;
                }

                Worker = await FunctionsWorkerProcess.StartAsync(values);
            }),
            Task.Run(async () => Local = await LocalHostProcess.StartAsync(shared)));
        functions = (await Worker.MetadataAsync()).FunctionMetadataResults.ToDictionary(f => f.Name);
        Durable = await DurableEndpointRelay.StartAsync(Local.DurableSocket);
    }

    public async Task DisposeAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }

        if (Durable is not null)
        {
            await Durable.DisposeAsync();
        }

        if (Local is not null)
        {
            await Local.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> (a path relative to the app) to the worker as the Functions host would for
    /// <paramref name="functionName"/>, loading the function first if this worker has not loaded it yet.
    /// </summary>
    public async Task<RouteAnswer> InvokeAsync(string functionName, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var function = functions[functionName];
        await loaded.GetOrAdd(functionName, _ => Worker.LoadAsync(function));
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
        request.RequestUri = new Uri(new Uri("http://127.0.0.1:7071"), request.RequestUri!);
        var response = await Worker.InvokeAsync(HttpInvocation.Build(function, Worker.Init.Capabilities, request, body, (Durable.Address, TaskHub)));
        if (response.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{functionName} failed in the worker: {response.Result.Exception?.Message}{Environment.NewLine}{Worker.Output}");
        }

        return RouteAnswer.From(response.ReturnValue.Http);
    }

    /// <summary>Fires the timer function <paramref name="functionName"/> in the worker as the Functions host would, and waits for it to finish.</summary>
    public async Task InvokeTimerAsync(string functionName)
    {
        var function = functions[functionName];
        await loaded.GetOrAdd(functionName, _ => Worker.LoadAsync(function));
        var response = await Worker.InvokeAsync(TimerInvocation.Build(function, (Durable.Address, TaskHub), DateTime.UtcNow));
        if (response.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{functionName} failed in the worker: {response.Result.Exception?.Message}{Environment.NewLine}{Worker.Output}");
        }
    }

    /// <inheritdoc cref="InvokeAsync(string, HttpRequestMessage)"/>
    public Task<RouteAnswer> InvokeAsync(ApiRoute route, HttpRequestMessage request) => InvokeAsync(route!.Name, request);

    /// <summary>
    /// A request as <see cref="LocalHostProcess.Request"/> makes it, with a fixed correlation id, so that the two answers
    /// to the same request can be compared whole (each process would otherwise make one up).
    /// </summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? role = "admin", string? json = null)
    {
        var request = Local.Request(method, path, role, json);
        request.Headers.Add(CorrelationIds.Header, CorrelationId);
        return request;
    }

    public const string CorrelationId = "worker-host-test-0002";

    /// <summary>Sends <paramref name="request"/> to the local host's REST port.</summary>
    public async Task<RouteAnswer> SendToLocalAsync(HttpRequestMessage request)
    {
        using var response = await Local.Http.SendAsync(request);
        return await RouteAnswer.FromAsync(response);
    }
}
