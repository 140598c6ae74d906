using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.LocalHost.Tests.Tracing;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The local host exporting traces over OTLP/HTTP to a receiver in this process (the exporter configured only by the
/// standard OTEL_EXPORTER_OTLP_* settings): one submitted task is one trace, connected from the client's request through
/// the durable orchestration, its activities and the model call, with the durable runtime carrying the context.
/// </summary>
public sealed class TraceTests(TraceTests.Host host) : IClassFixture<TraceTests.Host>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class Host : IAsyncLifetime
    {
        public OtlpTraceReceiver Receiver { get; private set; } = null!;

        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Receiver = await OtlpTraceReceiver.StartAsync();
            Process = await LocalHostProcess.StartAsync(
                ("OTEL_EXPORTER_OTLP_ENDPOINT", Receiver.Endpoint.ToString()),
                ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                ("OTEL_BSP_SCHEDULE_DELAY", "200"));
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task One_task_is_one_connected_trace_from_the_request_to_the_model_call()
    {
        await TaskPolling.WaitForAgentAsync(host.Process, "queen-1");
        var client = ActivityContext.Parse($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", null);
        using var submit = host.Process.Request(HttpMethod.Post, "/api/v1/tasks", json: JsonSerializer.Serialize(new { prompt = "Trace me across every hop", notify = true }));
        submit.Headers.Add("traceparent", $"00-{client.TraceId}-{client.SpanId}-01");
        using var accepted = await host.Process.Http.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var task = await TaskPolling.WaitUntilFinishedAsync(host.Process, id, Patience);
        Assert.Equal("completed", task.GetProperty("status").GetString());
        var result = task.GetProperty("result");

        var trace = await WaitForConnectedTraceAsync(client.TraceId.ToString(), client.SpanId.ToString(), Versioned("orchestration:TaskRunOrchestrator"));

        // The root: the API's server span for the request, a child of the client's span.
        var request = Assert.Single(trace, s => s.Scope == "Swarm.Api");
        Assert.Equal("POST /api/v1/tasks", request.Name);
        Assert.Equal(2, request.Kind);
        Assert.Equal(client.SpanId.ToString(), request.ParentSpanId);
        Assert.Equal("202", request.Attribute("http.response.status_code"));
        Assert.Equal("/api/v1/tasks", request.Attribute("http.route"));

        // The model call, in the generative-AI conventions, and its unbroken line of parents up to the request.
        var model = Assert.Single(trace, s => s.Scope == "Swarm.Models");
        Assert.Equal("chat", model.Attribute("gen_ai.operation.name"));
        Assert.Equal("simulated", model.Attribute("gen_ai.provider.name"));
        Assert.Equal(result.GetProperty("model").GetString(), model.Attribute("gen_ai.request.model"));
        Assert.Equal(result.GetProperty("inputTokens").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), model.Attribute("gen_ai.usage.input_tokens"));
        Assert.Equal(result.GetProperty("outputTokens").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), model.Attribute("gen_ai.usage.output_tokens"));
        Assert.False(string.IsNullOrEmpty(model.Attribute("gen_ai.response.finish_reasons")), "the model span names no finish reason");
        Assert.Equal(task.GetProperty("agents")[0].GetString(), model.Attribute("swarm.agent.id"));
        var line = LineToRoot(trace, model);
        Assert.Equal(request, line[^1]);
        var names = line.Select(s => s.Name).ToList();
        Assert.Contains(Versioned("create_orchestration:TaskRunOrchestrator"), names);
        Assert.Contains(Versioned("orchestration:TaskRunOrchestrator"), names);
        Assert.Contains(Versioned("activity:InvokeAgentActivity"), names);

        // The task's real-time notice is in the same trace, under the same request.
        var notice = Assert.Single(trace, s => s.Name == "publish task_finished");
        Assert.Equal(request, LineToRoot(trace, notice)[^1]);

        // Nothing secret or prompt-like went out: neither the bearer token nor the prompt is in any attribute.
        Assert.DoesNotContain(trace.SelectMany(s => s.Attributes.Values), v => v.Contains("Trace me across", StringComparison.Ordinal) || v.Contains("Bearer", StringComparison.Ordinal));
        Assert.Empty(host.Receiver.Refused);
    }

    [Fact]
    public async Task A_consensus_round_is_one_connected_trace_from_the_proposal_to_each_ballots_model_call()
    {
        await TaskPolling.WaitForAgentAsync(host.Process, "queen-1");
        var client = ActivityContext.Parse($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", null);
        var body = new { question = "Which trace format?", options = new[] { "w3c", "b3" }, algorithm = "simpleMajority", participants = new { agents = new[] { "queen-1" } }, deadlineSeconds = 60 };
        using var propose = host.Process.Request(HttpMethod.Post, "/api/v1/consensus/proposal", role: "operator", json: JsonSerializer.Serialize(body));
        propose.Headers.Add("traceparent", $"00-{client.TraceId}-{client.SpanId}-01");
        using var accepted = await host.Process.Http.SendAsync(propose);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var trace = await WaitForConnectedTraceAsync(client.TraceId.ToString(), client.SpanId.ToString(), Versioned("orchestration:ConsensusRoundOrchestrator"));

        var request = Assert.Single(trace, s => s.Scope == "Swarm.Api");
        Assert.Equal("POST /api/v1/consensus/proposal", request.Name);
        Assert.Equal(client.SpanId.ToString(), request.ParentSpanId);
        var ballot = Assert.Single(trace, s => s.Scope == "Swarm.Models");
        Assert.Equal("chat", ballot.Attribute("gen_ai.operation.name"));
        var names = LineToRoot(trace, ballot).Select(s => s.Name).ToList();
        Assert.Equal(request.Name, names[^1]);
        Assert.Contains(Versioned("orchestration:ConsensusRoundOrchestrator"), names);
        Assert.Contains(Versioned("activity:CastBallotActivity"), names);
        Assert.DoesNotContain(trace.SelectMany(s => s.Attributes.Values), v => v.Contains("Which trace format", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creating_an_agent_is_one_connected_trace_from_the_request_through_its_provisioning_orchestration()
    {
        await TaskPolling.WaitForAgentAsync(host.Process, "queen-1");
        var client = ActivityContext.Parse($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", null);
        var body = new
        {
            id = "traced-writer",
            name = "Writer",
            type = "worker",
            role = new { type = "operational", permissions = new[] { "task:*" }, expertise = new[] { "writing" }, priority = 6 },
            provider = new { type = "simulated", model = "sim-2" },
            maxConcurrency = 1,
        };
        using var create = host.Process.Request(HttpMethod.Post, "/api/v1/agents", json: JsonSerializer.Serialize(body));
        create.Headers.Add("traceparent", $"00-{client.TraceId}-{client.SpanId}-01");
        using var created = await host.Process.Http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var trace = await WaitForConnectedTraceAsync(client.TraceId.ToString(), client.SpanId.ToString(), Versioned("orchestration:ProvisionAgentOrchestrator"), withModelCall: false);

        var request = Assert.Single(trace, s => s.Scope == "Swarm.Api");
        Assert.Equal("POST /api/v1/agents", request.Name);
        Assert.Equal(client.SpanId.ToString(), request.ParentSpanId);
        var provisioning = Assert.Single(trace, s => s.Name == Versioned("orchestration:ProvisionAgentOrchestrator"));
        Assert.Equal(request.Name, LineToRoot(trace, provisioning).Select(s => s.Name).Last());
    }

    /// <summary>
    /// Waits until the trace holds <paramref name="orchestration"/>'s span (and a model call's, unless told otherwise), and every span in it has its parent
    /// there too (the request's parent is the client's span, which only the client knows). Spans arrive as they end, the orchestration's last.
    /// </summary>
    async Task<IReadOnlyList<OtlpSpan>> WaitForConnectedTraceAsync(string traceId, string clientSpanId, string orchestration, bool withModelCall = true)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var trace = host.Receiver.Trace(traceId);
            var ids = trace.Select(s => s.SpanId).Append(clientSpanId).ToHashSet();
            var orphans = trace.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).ToList();
            if ((!withModelCall || trace.Any(s => s.Scope == "Swarm.Models")) && trace.Any(s => s.Name == orchestration) && orphans.Count == 0)
            {
                return trace;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The trace is not whole after {Patience}: {trace.Count} spans, orphans: {string.Join("; ", orphans)}{Environment.NewLine}"
                    + string.Join(Environment.NewLine, trace) + Environment.NewLine + "All spans received: " + host.Receiver.Spans.Count);
            }

            await Task.Delay(250);
        }
    }

    /// <summary>An orchestration's or activity's span name as the runtime writes it: with the workflow version of the instance it belongs to.</summary>
    static string Versioned(string name) => $"{name}@({Swarm.Workflows.WorkflowVersion.Current})";

    /// <summary>The span and its ancestors, nearest first, up to the span whose parent is not in the trace.</summary>
    static List<OtlpSpan> LineToRoot(IReadOnlyList<OtlpSpan> trace, OtlpSpan span)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        var line = new List<OtlpSpan> { span };
        while (line[^1].ParentSpanId is { } parent && byId.TryGetValue(parent, out var next))
        {
            Assert.True(line.Count < 100, "the parent links loop");
            line.Add(next);
        }

        return line;
    }
}
