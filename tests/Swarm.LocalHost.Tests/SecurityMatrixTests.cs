using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Swarm.Api;
using Swarm.Application.Security;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Every protected route of the running host against every kind of bad credential: each is refused with 401 or 403,
/// none reaches its handler (nothing is written), and each refusal is in the audit trail.
/// </summary>
public sealed class SecurityMatrixTests
{
    static readonly string Secret = LocalHostProcess.Secret;

    /// <summary>A credential and the status it must get.</summary>
    sealed record Credential(string Name, Action<HttpRequestHeaders> Apply, HttpStatusCode Expected);

    static IEnumerable<Credential> BadCredentials(string revokedKey, string agentKey)
    {
        static Action<HttpRequestHeaders> Bearer(string token) => h => h.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var now = DateTime.UtcNow;
        yield return new("no credentials", _ => { }, HttpStatusCode.Unauthorized);
        yield return new("malformed token", Bearer("not.a.jwt"), HttpStatusCode.Unauthorized);
        yield return new("expired", Bearer(Tokens.Signed(["admin"], secret: Secret, notBefore: now.AddHours(-2), expires: now.AddHours(-1))), HttpStatusCode.Unauthorized);
        yield return new("not yet valid", Bearer(Tokens.Signed(["admin"], secret: Secret, notBefore: now.AddHours(1), expires: now.AddHours(2))), HttpStatusCode.Unauthorized);
        yield return new("wrong issuer", Bearer(Tokens.Signed(["admin"], issuer: "elsewhere", secret: Secret)), HttpStatusCode.Unauthorized);
        yield return new("wrong audience", Bearer(Tokens.Signed(["admin"], audience: "other-api", secret: Secret)), HttpStatusCode.Unauthorized);
        yield return new("bad signature", Bearer(Tokens.Signed(["admin"], secret: "not-the-secret-but-long-enough-000000000")), HttpStatusCode.Unauthorized);
        yield return new("alg none", Bearer(Tokens.Unsigned()), HttpStatusCode.Unauthorized);
        yield return new("RS256 claiming this issuer", Bearer(RsaSigned()), HttpStatusCode.Unauthorized);
        yield return new("valid token, no permission", Bearer(Tokens.Signed([], secret: Secret)), HttpStatusCode.Forbidden);
        yield return new("revoked API key", h => h.Add("X-Api-Key", revokedKey), HttpStatusCode.Unauthorized);
        yield return new("an agent's key on another agent's keys", h => h.Add("X-Api-Key", agentKey), HttpStatusCode.Forbidden);
    }

    static string RsaSigned()
    {
        using var rsa = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "swarm",
            Audience = "swarm-api",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "attacker", ["roles"] = new[] { "admin" } },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)), SecurityAlgorithms.RsaSha256),
        });
    }

    static string PathOf(ApiRoute route) => "/" + route.Template
        .Replace("{id}", "victim-agent", StringComparison.Ordinal)
        .Replace("{keyId}", "0123456789abcdef", StringComparison.Ordinal);

    [Fact]
    public async Task Every_protected_route_refuses_every_bad_credential_writes_nothing_and_audits_each_refusal()
    {
        await using var host = await LocalHostProcess.StartAsync();
        var revoked = await IssueKeyAsync(host, "revoked-agent");
        using (var revoke = await host.Http.SendAsync(host.Request(HttpMethod.Delete, $"/api/v1/agents/revoked-agent/keys/{revoked.KeyId}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        var agent = await IssueKeyAsync(host, "some-agent");
        var before = await StateAsync(host);
        var sent = new List<(string CorrelationId, HttpStatusCode Expected, string Case)>();
        var agentPermissions = new RoleGrants(TestSettings.Load()).For([AgentSessionClaims.AgentRole]);

        foreach (var route in SwarmRoutes.All.Where(r => r.Permission != Permissions.Anonymous))
        {
            foreach (var credential in BadCredentials(revoked.Key, agent.Key))
            {
                if (credential.Name.StartsWith("an agent's key", StringComparison.Ordinal) && agentPermissions.Contains(route.Permission))
                {
                    continue; // Agents hold this route's permission: nothing for another agent's key to be refused.
                }

                if (route.Permission == Permissions.Authenticated && credential.Expected == HttpStatusCode.Forbidden)
                {
                    continue; // Any valid credential reads this route (the OpenAPI document): only invalid ones are refused.
                }

                var correlationId = Guid.NewGuid().ToString("N");
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(PathOf(route), UriKind.Relative));
                request.Headers.Add(CorrelationIds.Header, correlationId);
                credential.Apply(request.Headers);
                if (route.Method == "POST")
                {
                    request.Content = new StringContent("""{"prompt":"should never run"}""", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await host.Http.SendAsync(request);

                // The event handler takes only the real-time service's signature: every swarm credential is unknown to it.
                var expected = route.Permission == Permissions.ChannelService ? HttpStatusCode.Unauthorized : credential.Expected;
                Assert.True(expected == response.StatusCode, $"{route.Name} with {credential.Name}: {(int)response.StatusCode}, expected {(int)expected}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                sent.Add((correlationId, expected, credential.Name));
            }
        }

        Assert.Equal(before, await StateAsync(host));
        Assert.Equal(HttpStatusCode.OK, await ExchangeStatusAsync(host, agent.Key));

        var audited = await AuditedOutcomesAsync(host);
        foreach (var (correlationId, expected, name) in sent)
        {
            Assert.True(audited.TryGetValue(correlationId, out var outcome), $"The refusal '{name}' ({correlationId}) is not in the audit trail.");
            Assert.Equal(expected == HttpStatusCode.Unauthorized ? "unauthenticated" : "denied", outcome);
        }
    }

    /// <summary>What each route that names a task or proposal is sent, where it takes a body.</summary>
    static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        [SwarmRoutes.TaskFeedback.Name] = """{"rating": 4}""",
        [SwarmRoutes.ApproveTask.Name] = """{"comment": "fine"}""",
        [SwarmRoutes.RejectTask.Name] = """{"comment": "no"}""",
        [SwarmRoutes.ShareTask.Name] = """{"with": ["stranger"]}""",
        [SwarmRoutes.ShareProposal.Name] = """{"with": ["stranger"]}""",
    };

    [Fact]
    public async Task Every_route_naming_a_task_or_proposal_is_a_404_to_a_caller_who_may_not_read_it_exactly_as_for_one_that_does_not_exist()
    {
        // The stranger holds every permission but reading everyone's work, so only visibility can turn it away.
        var strangerRole = Permissions.All.Where(p => p is not (Permissions.TasksReadAny or Permissions.ConsensusReadAny)).Select((p, i) => ($"security__roles__stranger__{i}", p));
        await using var host = await LocalHostProcess.StartAsync([.. strangerRole]);
        var taskId = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "The owner's own", requiresApproval = true });
        await TaskSubmissions.WaitForTaskAsync(host, taskId, t => t.GetProperty("status").GetString() == "awaitingApproval");
        using var proposed = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/consensus/proposal",
            json: """{"question": "Which?", "options": ["a", "b"], "participants": {"agents": ["queen-1"]}, "deadlineSeconds": 600}"""));
        var proposalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var missingTask = global::Swarm.Domain.Tasks.TaskId.New();
        var missingProposal = "proposal-" + Guid.NewGuid().ToString("N");

        // Agent-only routes answer a person 409 before any lookup ("only an agent ..."), whatever the id: nothing to leak.
        var named = SwarmRoutes.All.Where(r => r.Template.Contains("{id}", StringComparison.Ordinal)
            && (r.Template.StartsWith("api/v1/tasks/", StringComparison.Ordinal) || r.Template.StartsWith("api/v1/consensus/proposals/", StringComparison.Ordinal))
            && r != SwarmRoutes.PostTaskResult && r != SwarmRoutes.PostVote).ToList();
        Assert.Equal(9, named.Count);
        foreach (var route in named)
        {
            var (real, missing) = route.Template.StartsWith("api/v1/tasks/", StringComparison.Ordinal) ? (taskId, missingTask) : (proposalId, missingProposal);
            var stranger = await SendAsync(host, route, real, host.TokenFor("stranger-1", "stranger"));
            var nobody = await SendAsync(host, route, missing, host.TokenFor("stranger-1", "stranger"));
            var owner = await SendAsync(host, route, real, host.Token("admin"), dryRun: true);

            Assert.True(stranger.Status == HttpStatusCode.NotFound, $"{route.Name} for a stranger: {(int)stranger.Status} {stranger.Detail}");
            Assert.Equal(nobody.Status, stranger.Status);
            Assert.Equal(nobody.Detail?.Replace(missing, "{id}", StringComparison.Ordinal), stranger.Detail?.Replace(real, "{id}", StringComparison.Ordinal));
            Assert.DoesNotContain("There is no", owner.Detail ?? "", StringComparison.Ordinal);
        }

        // Nothing the stranger sent changed the task: it still waits for its approval.
        var task = await TaskPolling.GetAsync(host, taskId);
        Assert.Equal("awaitingApproval", task.GetProperty("status").GetString());
    }

    /// <summary>Sends the route for <paramref name="id"/>; with <paramref name="dryRun"/> only routes that change nothing run (the owner's look must not approve or cancel).</summary>
    static async Task<(HttpStatusCode Status, string? Detail)> SendAsync(LocalHostProcess host, ApiRoute route, string id, string token, bool dryRun = false)
    {
        if (dryRun && route.Method != "GET" && route != SwarmRoutes.ShareTask && route != SwarmRoutes.ShareProposal && route != SwarmRoutes.TaskFeedback)
        {
            return (HttpStatusCode.OK, null);
        }

        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(route.PathFor(("id", id)), UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (route.TakesBody)
        {
            request.Content = new StringContent(Bodies[route.Name], System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
    }

    sealed record IssuedKey(string KeyId, string Key);

    static async Task<IssuedKey> IssueKeyAsync(LocalHostProcess host, string agentId)
    {
        var body = await TestAgents.IssueKeyAsync(host, agentId);
        return new(body.GetProperty("keyId").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    /// <summary>What a handler that ran would have changed: orchestrations started and API keys stored.</summary>
    static async Task<(int Instances, int Keys)> StateAsync(LocalHostProcess host)
    {
        await using var durable = host.DurableClient();
        var instances = 0;
        await foreach (var _ in durable.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100, InstanceIdPrefix = global::Swarm.Domain.Tasks.TaskId.Prefix }))
        {
            instances++;
        }

        var keys = 0;
        await foreach (var _ in new TableServiceClient(host.StorageConnectionString).GetTableClient(host.Table("ApiKeys")).QueryAsync<TableEntity>())
        {
            keys++;
        }

        return (instances, keys);
    }

    static async Task<HttpStatusCode> ExchangeStatusAsync(LocalHostProcess host, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/token", UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Every audit record of the last hour, by correlation id, read through the API as an admin would.</summary>
    static async Task<Dictionary<string, string>> AuditedOutcomesAsync(LocalHostProcess host)
    {
        var outcomes = new Dictionary<string, string>();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("o"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"));
        string? continuation = null;
        do
        {
            var path = $"/api/v1/audit?from={from}&to={to}&pageSize=200" + (continuation is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuation));
            using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                outcomes[item.GetProperty("correlationId").GetString()!] = item.GetProperty("outcome").GetString()!;
            }

            continuation = page.GetProperty("continuationToken").GetString();
        }
        while (continuation is not null);

        return outcomes;
    }
}
