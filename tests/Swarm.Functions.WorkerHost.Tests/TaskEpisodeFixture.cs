using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Swarm.Functions.WorkerHost.Tests.Host;
using Swarm.LocalHost.Tests;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// One task run to its end by the local host (submitted through its API, as a client submits it, and approved), the
/// history its runtime wrote for it, and the built Functions worker beside it, ready to run the same durable functions.
/// The task asks for approval so that its first episode writes something: a task seated at once writes its first
/// index row with its model call, and a task waiting for approval is listed before its first episode ends.
/// </summary>
public sealed class TaskEpisodeFixture : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly SemaphoreSlim loading = new(1, 1);
    readonly HashSet<string> loaded = [];

    internal FunctionsWorkerProcess Worker { get; private set; } = null!;

    internal LocalHostProcess Local { get; private set; } = null!;

    internal Dictionary<string, RpcFunctionMetadata> Functions { get; private set; } = null!;

    internal Dictionary<string, string> WorkerSettings { get; private set; } = null!;

    internal string TaskId { get; private set; } = null!;

    internal TaskHubHistory History { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WorkerSettings = await AppSettings.ForTestAsync();
        await Task.WhenAll(
            Task.Run(async () => Worker = await FunctionsWorkerProcess.StartAsync(WorkerSettings)),
            Task.Run(async () => Local = await LocalHostProcess.StartAsync()));
        Functions = (await Worker.MetadataAsync()).FunctionMetadataResults.ToDictionary(f => f.Name);

        using var submit = Local.Request(HttpMethod.Post, "/api/v1/tasks", json: """{"prompt":"Summarise the release notes in three lines","requiresApproval":true}""");
        using var accepted = await Local.Http.SendAsync(submit);
        var body = await accepted.Content.ReadAsStringAsync();
        if (!accepted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The local host did not accept the task: {(int)accepted.StatusCode} {body}");
        }

        TaskId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        using var patience = new CancellationTokenSource(Patience);
        var approved = false;
        while (true)
        {
            if (!approved)
            {
                using var approve = Local.Request(HttpMethod.Post, $"/api/v1/tasks/{TaskId}/approve", json: "{}");
                using var answer = await Local.Http.SendAsync(approve, patience.Token);
                approved = answer.IsSuccessStatusCode;
            }

            History = await TaskHubHistory.ReadAsync(Local.StorageConnectionString, Local.TaskHub, TaskId);
            if (History.Completed)
            {
                break;
            }

            await Task.Delay(250, patience.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Local.DisposeAsync();
        loading.Dispose();
    }

    /// <summary>Loads a function into the worker once (the host's FunctionLoadRequest) and returns its metadata.</summary>
    internal async Task<RpcFunctionMetadata> LoadAsync(string name)
    {
        var function = Functions[name];
        await loading.WaitAsync();
        try
        {
            if (loaded.Add(name))
            {
                await Worker.LoadAsync(function);
            }
        }
        finally
        {
            loading.Release();
        }

        return function;
    }
}
