using System.Text.Json;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// A worker beside a local host with the things the route cases read made first, on the local host: agents of the
/// test's own (and their API keys), finished tasks and a memory value. What one case changes (a heartbeat, a rating)
/// lands through durable signals a moment later, so the cases that change something have things of their own
/// (<see cref="BusyAgentId"/>, <see cref="RatedTaskId"/>, <see cref="WrittenNamespace"/>) and the cases compared byte for
/// byte read things nothing changes.
/// </summary>
public sealed class RouteParityFixture : WorkerBesideLocalHost
{
    /// <summary>
    /// Both processes get the same Web PubSub endpoint and key, as one deployment's instances would. Nothing listens
    /// there: negotiating mints a client URL offline from the key, and the event handler checks signatures with it;
    /// events the swarm publishes fail to send and are counted, alike on both. (Left unset, the local host would serve
    /// its own stand-in for the service, which the Functions app has no counterpart of.)
    /// </summary>
    public RouteParityFixture()
        : base(("realtime__endpoint", "http://127.0.0.1:9"), ("realtime__accessKey", Convert.ToBase64String("worker-host-parity-access-key-0123"u8.ToArray())))
    {
    }

    public const string AgentId = "parity-agent";
    public const string BusyAgentId = "parity-busy";
    public const string MemoryNamespace = "parity";
    public const string WrittenNamespace = "parity-writes";

    public string TaskId { get; private set; } = string.Empty;

    public string RatedTaskId { get; private set; } = string.Empty;

    public string AgentKey { get; private set; } = string.Empty;

    public string BusyAgentKey { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AgentKey = await CreateAgentAsync(AgentId);
        BusyAgentKey = await CreateAgentAsync(BusyAgentId);
        TaskId = await RunTaskAsync("summarise the worker host tests");
        RatedTaskId = await RunTaskAsync("a task to rate");
        await SendToLocalAsync(Request(HttpMethod.Put, $"/api/v1/memory/{MemoryNamespace}/first", json: """{"value":"the first value"}"""));
        await Polling.UntilAsync(() => SendToLocalAsync(Request(HttpMethod.Get, $"/api/v1/memory/{MemoryNamespace}/first")), m => m.Status == 200);
    }

    async Task<string> CreateAgentAsync(string id)
    {
        var agent = await SendToLocalAsync(Request(HttpMethod.Post, "/api/v1/agents", json: AgentBody(id)));
        return agent.Status == 201
            ? agent.Json()!.Value.GetProperty("apiKey").GetProperty("apiKey").GetString()!
            : throw new InvalidOperationException($"The agent {id} was not created: {agent}");
    }

    async Task<string> RunTaskAsync(string prompt)
    {
        var submitted = await SendToLocalAsync(Request(HttpMethod.Post, "/api/v1/tasks", json: JsonSerializer.Serialize(new { prompt })));
        var id = submitted.Json()?.GetProperty("id").GetString() ?? throw new InvalidOperationException($"The task was not submitted: {submitted}");
        await Polling.UntilAsync(
            () => SendToLocalAsync(Request(HttpMethod.Get, "/api/v1/tasks/" + id)),
            t => t.Json()?.GetProperty("status").GetString() is "completed" or "failed" or "canceled");
        return id;
    }

    public static string AgentBody(string id) => JsonSerializer.Serialize(new
    {
        id,
        name = id,
        type = "worker",
        role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "writing" }, priority = 5 },
        provider = new { type = "simulated", model = "sim" },
    });
}
