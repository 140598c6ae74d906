using System.Net.Http.Headers;
using Swarm.Api;
using static Swarm.Functions.WorkerHost.Tests.RouteParityFixture;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// At least one request per route of <see cref="SwarmRoutes"/>, with real bodies, route values, queries and
/// credentials. A case whose route would change state differently on a repeat sends each side its own request of the
/// same kind and checks the worker's effect through the local host. The cases do not depend on each other's order:
/// what they read, <see cref="RouteParityFixture"/> makes first.
/// </summary>
public static class RouteCases
{
    static readonly HttpMethod Get = HttpMethod.Get;
    static readonly HttpMethod Post = HttpMethod.Post;
    static readonly HttpMethod Put = HttpMethod.Put;
    static readonly HttpMethod Delete = HttpMethod.Delete;

    /// <summary>Per-process counters and clocks: the shape must match, the numbers cannot.</summary>
    const string PerProcess = "counters, uptimes and probe times are each process's own";

    public static IReadOnlyList<RouteCase> All { get; } =
    [
        new("health", SwarmRoutes.Health, Parity.Whole, (f, _) => f.Request(Get, "/health", role: null)),
        new("ready", SwarmRoutes.Ready, Parity.Shape, (f, _) => f.Request(Get, "/ready", role: null), "each check reports how long it took"),

        new("submit a task", SwarmRoutes.SubmitTask, Parity.Shape, (f, side) => f.Request(Post, "/api/v1/tasks", json: $$"""{"prompt":"parity from the {{side}}","priority":8}"""), "the task id is the server's")
        {
            Effect = async (f, worker) =>
            {
                Assert.Equal(202, worker.Status);
                await Polling.UntilAsync(() => f.SendToLocalAsync(f.Request(Get, "/api/v1/tasks/" + worker.Json()!.Value.GetProperty("id").GetString())), t => t.Status == 200);
            },
        },
        new("submit a task with an invalid priority", SwarmRoutes.SubmitTask, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/tasks", json: """{"prompt":"x","priority":"urgent-ish"}""")),
        new("list tasks", SwarmRoutes.ListTasks, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/tasks?status=completed&pageSize=5", role: "operator"), "the queue's counts move as the submitted tasks run"),
        new("list tasks with an unknown status", SwarmRoutes.ListTasks, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/tasks?status=sleeping")),
        new("read a finished task", SwarmRoutes.GetTask, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/tasks/" + f.TaskId, role: "operator")),
        new("cancel a finished task", SwarmRoutes.CancelTask, Parity.Whole, (f, _) => f.Request(Post, $"/api/v1/tasks/{f.TaskId}/cancel")),
        new("approve a task that waits for nobody", SwarmRoutes.ApproveTask, Parity.Whole, (f, _) => f.Request(Post, $"/api/v1/tasks/{f.TaskId}/approve", json: """{"comment":"fine"}""")),
        new("reject a task that waits for nobody", SwarmRoutes.RejectTask, Parity.Whole, (f, _) => f.Request(Post, $"/api/v1/tasks/{f.TaskId}/reject")),
        new("post a result as a person", SwarmRoutes.PostTaskResult, Parity.Whole, (f, _) => f.Request(Post, $"/api/v1/tasks/{f.TaskId}/result", json: """{"stepId":"s1","output":"done"}""")),
        new("rate a finished task", SwarmRoutes.TaskFeedback, Parity.Shape, (f, side) => As(f.Request(Post, $"/api/v1/tasks/{f.RatedTaskId}/feedback", role: null, json: """{"rating":5,"comment":"good"}"""), f, "rater-" + side, "admin"), "each side rates as a person of its own (one rating per person)"),
        new("rate with a rating out of range", SwarmRoutes.TaskFeedback, Parity.Whole, (f, _) => f.Request(Post, $"/api/v1/tasks/{f.RatedTaskId}/feedback", json: """{"rating":11}""")),
        new("similar tasks", SwarmRoutes.SimilarTasks, Parity.Whole, (f, _) => f.Request(Get, $"/api/v1/tasks/{f.TaskId}/similar?k=3")),
        new("search tasks", SwarmRoutes.SearchTasks, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/patterns/tasks?q=worker%20host&capabilities=writing&k=2"), "a task the submit case started may be indexed between the two requests"),
        new("search tasks without text", SwarmRoutes.SearchTasks, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/patterns/tasks")),
        new("share a task", SwarmRoutes.ShareTask, Parity.Whole, (f, _) => f.Request(Post, $"/api/v1/tasks/{f.RatedTaskId}/share", json: """{"with":["reader-1","role:viewer"]}""")),

        new("create an agent", SwarmRoutes.CreateAgent, Parity.Shape, (f, side) => f.Request(Post, "/api/v1/agents", json: AgentBody("made-by-" + side)), "each side creates an agent of its own id; the API key is new")
        {
            Effect = (f, _) => Polling.UntilAsync(() => f.SendToLocalAsync(f.Request(Get, "/api/v1/agents/made-by-worker")), a => a.Status == 200),
        },
        new("create an agent with no provider", SwarmRoutes.CreateAgent, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/agents", json: """{"id":"half","name":"half","type":"worker"}""")),
        new("scale a pool with nothing to scale", SwarmRoutes.ScalePool, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/agents/scale", json: "{}")),
        new("list agents", SwarmRoutes.ListAgents, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/agents?type=worker&pageSize=50", role: "viewer"), "presence and load move as agents heartbeat"),
        new("read an agent", SwarmRoutes.GetAgent, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/agents/" + AgentId, role: "viewer")),
        new("an agent reads itself with its key", SwarmRoutes.GetAgent, Parity.Whole, (f, _) => WithKey(f.Request(Get, "/api/v1/agents/" + AgentId, role: null), f.AgentKey)),
        new("retire the default agent", SwarmRoutes.RetireAgent, Parity.Whole, (f, _) => f.Request(Delete, "/api/v1/agents/queen-1")),
        new("heartbeat", SwarmRoutes.AgentHeartbeat, Parity.Shape, (f, _) => WithKey(f.Request(Post, $"/api/v1/agents/{BusyAgentId}/heartbeat", role: null, json: """{"status":"idle"}"""), f.BusyAgentKey), "the next heartbeat is due from now"),
        new("reset learning", SwarmRoutes.ResetAgentLearning, Parity.Shape, (f, _) => f.Request(Post, $"/api/v1/agents/{BusyAgentId}/learning/reset", json: """{"capabilities":["writing"]}"""), "the reset is stamped with the time"),
        new("issue an API key", SwarmRoutes.IssueApiKey, Parity.Shape, (f, _) => f.Request(Post, $"/api/v1/agents/{BusyAgentId}/keys"), "each key is new"),
        new("revoke a key that does not exist", SwarmRoutes.RevokeApiKey, Parity.Whole, (f, _) => f.Request(Delete, $"/api/v1/agents/{BusyAgentId}/keys/no-such-key")),
        new("exchange a key for a session", SwarmRoutes.ExchangeToken, Parity.Shape, (f, _) => WithKey(f.Request(Post, "/api/v1/auth/token", role: null), f.BusyAgentKey), "the token and its expiry are new"),
        new("exchange a key that is wrong", SwarmRoutes.ExchangeToken, Parity.Whole, (f, _) => WithKey(f.Request(Post, "/api/v1/auth/token", role: null), "swk_not-a-real-key")),

        new("providers", SwarmRoutes.ListProviders, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/providers"), PerProcess),
        new("scaling", SwarmRoutes.GetScaling, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/system/scaling"), PerProcess)
        {
            WrittenBetweenRequests = ["lastPass"],
        },
        new("system state", SwarmRoutes.SystemState, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/system/state"), PerProcess + "; the health probe is a periodic job only the local host has run yet")
        {
            PerProcessProperties = ["lastHealthProbe"],
            WrittenBetweenRequests = ["lastPass"],
        },
        new("system health", SwarmRoutes.SystemHealth, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/system/health"), PerProcess)
        {
            PerProcessProperties = ["lastProbe"],
        },
        new("system metrics", SwarmRoutes.SystemMetrics, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/system/metrics"), PerProcess + ": only the local host has called a model and published events")
        {
            // Ratings land through durable signals, so the other cases' ratings may arrive between the two requests.
            PerProcessProperties = ["routes", "eventsOut", "framesOut", "decisions", "feedback", "updates"],
        },
        new("prometheus scrape", SwarmRoutes.Metrics, Parity.Headers, (f, _) => f.Request(Get, "/metrics"), PerProcess),

        new("open a proposal without a question", SwarmRoutes.CreateProposal, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/consensus/proposal", role: "operator", json: """{"algorithm":"raft"}""")),
        new("list proposals", SwarmRoutes.ListProposals, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/consensus/proposals?status=decided")),
        new("read a proposal that does not exist", SwarmRoutes.GetProposal, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/consensus/proposals/no-such-proposal")),
        new("vote as a person", SwarmRoutes.PostVote, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/consensus/proposals/no-such-proposal/votes", json: """{"choice":"yes"}""")),
        new("vote as an agent with no ballot", SwarmRoutes.PostVote, Parity.Whole, (f, _) => WithKey(f.Request(Post, "/api/v1/consensus/proposals/no-such-proposal/votes", role: null, json: """{"choice":"yes"}"""), f.AgentKey)),
        new("consensus metrics", SwarmRoutes.ConsensusMetrics, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/consensus/metrics")),
        new("share a proposal that does not exist", SwarmRoutes.ShareProposal, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/consensus/proposals/no-such-proposal/share", json: """{"with":["reader-1"]}""")),

        new("send a message to nobody", SwarmRoutes.SendMessage, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/messages", json: """{"text":"hello"}""")),
        new("negotiate the real-time channel", SwarmRoutes.NegotiateRealtime, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/realtime/negotiate", role: "viewer"), "the ticket is new"),
        new("a real-time event with no signature", SwarmRoutes.RealtimeEvents, Parity.Whole, (f, _) => f.Request(Post, "/api/v1/realtime/events", role: null, json: "{}")),
        new("the real-time handshake from a stranger", SwarmRoutes.RealtimeHandshake, Parity.Whole, (f, _) => WithHeader(f.Request(HttpMethod.Options, "/api/v1/realtime/events", role: null), "WebHook-Request-Origin", "evil.example.com")),

        new("audit trail", SwarmRoutes.GetAudit, Parity.Shape, (f, _) => f.Request(Get, "/api/v1/audit?action=CreateAgent&pageSize=5"), "the trail grows by the request just made on the other side"),
        new("audit trail with an unknown filter", SwarmRoutes.GetAudit, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/audit?who=me")),

        new("list a memory namespace", SwarmRoutes.ListMemory, Parity.Whole, (f, _) => f.Request(Get, $"/api/v1/memory/{MemoryNamespace}")),
        new("search a memory namespace", SwarmRoutes.SearchMemory, Parity.Whole, (f, _) => f.Request(Get, $"/api/v1/memory/{MemoryNamespace}/search?q=first&k=2")),
        new("read a memory value", SwarmRoutes.GetMemory, Parity.Whole, (f, _) => f.Request(Get, $"/api/v1/memory/{MemoryNamespace}/first")),
        new("write a memory value", SwarmRoutes.PutMemory, Parity.Shape, (f, side) => f.Request(Put, $"/api/v1/memory/{WrittenNamespace}/from-{side}", json: $$"""{"value":"written by the {{side}}"}"""), "each side writes a key of its own")
        {
            Effect = (f, _) => Polling.UntilAsync(() => f.SendToLocalAsync(f.Request(Get, $"/api/v1/memory/{WrittenNamespace}/from-worker")), m => m.Status == 200 && m.Body.Contains("written by the worker", StringComparison.Ordinal)),
        },
        new("forget a memory value", SwarmRoutes.DeleteMemory, Parity.Whole, (f, _) => f.Request(Delete, $"/api/v1/memory/{WrittenNamespace}/never-written")),
        new("openapi", SwarmRoutes.GetOpenApi, Parity.Whole, (f, _) => f.Request(Get, "/api/v1/openapi.json", role: "viewer")),
    ];

    static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return request;
    }

    static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Add(name, value);
        return request;
    }

    static HttpRequestMessage As(HttpRequestMessage request, RouteParityFixture f, string subject, string role)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", f.Local.TokenFor(subject, role));
        return request;
    }
}
