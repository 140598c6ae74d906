using System.Net.Http.Headers;
using Swarm.Api;
using Swarm.LocalHost.Tests;
using Swarm.Tests;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// Callers are authenticated, authorized and audited the same through the worker as on the local host: each bad
/// credential gets the same problem document, and a request leaves the same audit record.
/// </summary>
public sealed class CallerParityTests(WorkerBesideLocalHost swarm) : IClassFixture<WorkerBesideLocalHost>
{
    /// <summary>A well-formed task id, so a request that gets through reaches the durable client (and answers 404).</summary>
    const string TaskPath = "/api/v1/tasks/task-0123456789abcdef0123456789abcdef";

    /// <summary>Credentials that must be refused, each on a route that reads (a 401) or one the role does not allow (a 403).</summary>
    static readonly Dictionary<string, (ApiRoute Route, Func<WorkerBesideLocalHost, HttpRequestMessage> Request)> Credentials = new()
    {
        ["no credential"] = (SwarmRoutes.GetTask, s => s.Request(HttpMethod.Get, TaskPath, role: null)),
        ["not a token"] = (SwarmRoutes.GetTask, s => Bearer(s, "not-a-jwt")),
        ["an unknown scheme"] = (SwarmRoutes.GetTask, s => With(s, new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz"))),
        ["an expired token"] = (SwarmRoutes.GetTask, s => Bearer(s, Tokens.Signed(["admin"], secret: LocalHostProcess.Secret, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)))),
        ["a token for another audience"] = (SwarmRoutes.GetTask, s => Bearer(s, Tokens.Signed(["admin"], audience: "another-api", secret: LocalHostProcess.Secret))),
        ["a token from another issuer"] = (SwarmRoutes.GetTask, s => Bearer(s, Tokens.Signed(["admin"], issuer: "someone-else", secret: LocalHostProcess.Secret))),
        ["a token signed with another secret"] = (SwarmRoutes.GetTask, s => Bearer(s, Tokens.Signed(["admin"], secret: "another-secret-that-is-long-enough-for-hs256-0123456789"))),
        ["an unsigned token"] = (SwarmRoutes.GetTask, s => Bearer(s, Tokens.Unsigned())),
        ["a wrong API key"] = (SwarmRoutes.GetTask, s => With(s, new AuthenticationHeaderValue("ApiKey", "swk_not-a-real-key"))),
        ["a role without the permission"] = (SwarmRoutes.CreateAgent, s => s.Request(HttpMethod.Post, "/api/v1/agents", role: "viewer", json: RouteParityFixture.AgentBody("not-allowed"))),
        ["a valid token for a task that does not exist"] = (SwarmRoutes.GetTask, s => s.Request(HttpMethod.Get, TaskPath, role: "viewer")),
    };

    public static TheoryData<string> CredentialNames => [.. Credentials.Keys];

    [Theory]
    [MemberData(nameof(CredentialNames))]
    public async Task A_credential_gets_the_same_answer_through_the_worker(string name)
    {
        var (route, request) = Credentials[name];

        var local = await swarm.SendToLocalAsync(request(swarm));
        var worker = await swarm.InvokeAsync(route, request(swarm));

        RouteParityTests.AssertSame(Parity.Whole, local, worker, $"{name}{Environment.NewLine}local host: {local}{Environment.NewLine}worker: {worker}");
        Assert.True(local.Status is 401 or 403 or 404, $"{name}: {local}");
    }

    [Theory]
    [InlineData("CreateAgent", "POST", "/api/v1/agents", "viewer")]
    [InlineData("DeleteMemory", "DELETE", "/api/v1/memory/audited/some-key", "admin")]
    public async Task A_request_through_the_worker_leaves_the_same_audit_record(string action, string method, string path, string? role)
    {
        var route = SwarmRoutes.All.Single(r => r.Name == action);
        var body = method == "POST" ? RouteParityFixture.AgentBody("audited-" + Guid.NewGuid().ToString("N")[..8]) : null;
        var (localId, workerId) = ("audit-local-" + Guid.NewGuid().ToString("N"), "audit-worker-" + Guid.NewGuid().ToString("N"));

        await swarm.SendToLocalAsync(Correlated(swarm.Request(new HttpMethod(method), path, role, body), localId));
        var toWorker = Correlated(swarm.Request(new HttpMethod(method), path, role, body), workerId);
        // The platform's front end names the client's address as the local host's server reads it from the connection.
        toWorker.Headers.Add("X-Forwarded-For", "127.0.0.1");
        await swarm.InvokeAsync(route, toWorker);

        // Both processes write to the same audit table; read it once both records are there.
        var trail = await Polling.UntilAsync(
            () => swarm.SendToLocalAsync(swarm.Request(HttpMethod.Get, $"/api/v1/audit?action={action}&pageSize=200")),
            page => page.Body.Contains(localId, StringComparison.Ordinal) && page.Body.Contains(workerId, StringComparison.Ordinal));
        var records = trail.Json()!.Value.GetProperty("items").EnumerateArray().ToList();
        var local = records.Single(r => r.GetProperty("correlationId").GetString() == localId);
        var worker = records.Single(r => r.GetProperty("correlationId").GetString() == workerId);

        // All but the time and the correlation id (each request's own) must be equal.
        string Comparable(System.Text.Json.JsonElement record) => string.Join(
            "; ", record.EnumerateObject().Where(p => p.Name is not ("time" or "correlationId")).Select(p => p.Name + "=" + p.Value.GetRawText()));
        Assert.Equal(Comparable(local), Comparable(worker));
        Assert.Contains(action, Comparable(worker), StringComparison.Ordinal);
    }

    static HttpRequestMessage Correlated(HttpRequestMessage request, string correlationId)
    {
        request.Headers.Remove(CorrelationIds.Header);
        request.Headers.Add(CorrelationIds.Header, correlationId);
        return request;
    }

    static HttpRequestMessage Bearer(WorkerBesideLocalHost swarm, string token) => With(swarm, new AuthenticationHeaderValue("Bearer", token));

    static HttpRequestMessage With(WorkerBesideLocalHost swarm, AuthenticationHeaderValue authorization)
    {
        var request = swarm.Request(HttpMethod.Get, TaskPath, role: null);
        request.Headers.Authorization = authorization;
        return request;
    }
}
