using System.Net.Http.Headers;
using System.Text;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Swarm.Api;
using Swarm.Functions.WorkerHost.Tests.Host;
using Swarm.LocalHost.Tests;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// HTTP routes invoked through the built worker with the request data the Functions host would send, answered as the
/// local host answers the same request: status, headers and body (problem documents included).
/// </summary>
public sealed class HttpRouteTests : IAsyncLifetime
{
    FunctionsWorkerProcess worker = null!;
    LocalHostProcess local = null!;
    DurableEndpointRelay durable = null!;
    Dictionary<string, RpcFunctionMetadata> functions = null!;

    public async Task InitializeAsync()
    {
        var started = Task.WhenAll(Task.Run(async () => worker = await FunctionsWorkerProcess.StartAsync(await AppSettings.ForTestAsync())), Task.Run(async () => local = await LocalHostProcess.StartAsync()));
        await started;
        functions = (await worker.MetadataAsync()).FunctionMetadataResults.ToDictionary(f => f.Name);

        // The worker's durable client reaches the local host's Durable Task runtime, so both answer from the same task hub.
        durable = await DurableEndpointRelay.StartAsync(local.DurableSocket);
    }

    public async Task DisposeAsync()
    {
        await worker.DisposeAsync();
        await durable.DisposeAsync();
        await local.DisposeAsync();
    }

    [Fact]
    public async Task Health_through_the_worker_answers_as_the_local_host()
    {
        await AssertSameAnswerAsync(SwarmRoutes.Health, () => local.Request(HttpMethod.Get, "/health", role: null));
    }

    [Fact]
    public async Task An_unauthenticated_agent_list_gets_the_local_hosts_problem_document()
    {
        var answer = await AssertSameAnswerAsync(SwarmRoutes.ListAgents, () => local.Request(HttpMethod.Get, "/api/v1/agents", role: null));

        Assert.Equal("401", answer.StatusCode);
    }

    [Fact]
    public async Task An_authenticated_agent_list_with_a_query_answers_as_the_local_host()
    {
        var answer = await AssertSameAnswerAsync(SwarmRoutes.ListAgents, () => local.Request(HttpMethod.Get, "/api/v1/agents?type=worker&pageSize=5", role: "admin"));

        Assert.Equal("200", answer.StatusCode);
    }

    [Fact]
    public async Task A_query_parameter_the_listing_does_not_know_gets_the_local_hosts_validation_problem()
    {
        var answer = await AssertSameAnswerAsync(SwarmRoutes.ListAgents, () => local.Request(HttpMethod.Get, "/api/v1/agents?limit=5", role: "admin"));

        Assert.Equal("400", answer.StatusCode);
    }

    [Fact]
    public async Task A_route_value_reaches_the_handler_and_the_durable_client_as_on_the_local_host()
    {
        // GetTask reads the orchestration through the [DurableClient]: over the relay, from the local host's task hub.
        var answer = await AssertSameAnswerAsync(SwarmRoutes.GetTask, () => local.Request(HttpMethod.Get, "/api/v1/tasks/no-such-task", role: "admin"));

        Assert.Equal("404", answer.StatusCode);
    }

    [Fact]
    public async Task A_post_with_a_malformed_body_gets_the_local_hosts_problem_document()
    {
        var answer = await AssertSameAnswerAsync(SwarmRoutes.SubmitTask, () => local.Request(HttpMethod.Post, "/api/v1/tasks", role: "admin", json: "{\"description\": "));

        Assert.Equal("400", answer.StatusCode);
    }

    /// <summary>Sends one request to both and compares what the client would see; returns the worker's answer.</summary>
    async Task<RpcHttp> AssertSameAnswerAsync(ApiRoute route, Func<HttpRequestMessage> request)
    {
        const string CorrelationId = "worker-host-test-0001";
        using var toLocal = request();
        toLocal.Headers.Add(CorrelationIds.Header, CorrelationId);
        var body = toLocal.Content is null ? string.Empty : await toLocal.Content.ReadAsStringAsync();
        using var localAnswer = await local.Http.SendAsync(toLocal);
        var localBody = await localAnswer.Content.ReadAsStringAsync();

        using var toWorker = request();
        toWorker.Headers.Add(CorrelationIds.Header, CorrelationId);
        toWorker.RequestUri = new Uri(new Uri("http://127.0.0.1:7071"), toWorker.RequestUri!);
        var function = functions[route.Name];
        await worker.LoadAsync(function);
        var response = await worker.InvokeAsync(HttpInvocation.Build(function, worker.Init.Capabilities, toWorker, body, (durable.Address, local.TaskHub)));

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, $"{response.Result.Exception?.Message}{Environment.NewLine}{worker.Output}");
        var http = response.ReturnValue.Http;
        var workerBody = http.Body is null ? string.Empty : http.Body.DataCase switch
        {
            TypedData.DataOneofCase.Bytes => http.Body.Bytes.ToStringUtf8(),
            TypedData.DataOneofCase.String => http.Body.String,
            _ => http.Body.ToString(),
        };
        var detail = $"local host: {(int)localAnswer.StatusCode} {Headers(localAnswer)} {localBody}{Environment.NewLine}worker: {http.StatusCode} {string.Join(" ", http.Headers.OrderBy(h => h.Key).Select(h => h.Key + "=" + h.Value))} {workerBody}{Environment.NewLine}{worker.Output}";
        Assert.True(((int)localAnswer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) == http.StatusCode, detail);
        Assert.True(localBody == workerBody, detail);
        var workerHeaders = http.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
        foreach (var (name, value) in Headers(localAnswer))
        {
            Assert.True(workerHeaders.TryGetValue(name, out var workerValue) && workerValue == value, $"{name}: {value} from the local host.{Environment.NewLine}{detail}");
        }

        return http;
    }

    /// <summary>The response's headers a client sees, less those the web server itself writes (the Functions host writes its own).</summary>
    static Dictionary<string, string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !new[] { "date", "server", "transfer-encoding", "content-length" }.Contains(h.Key.ToLowerInvariant()))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
}
