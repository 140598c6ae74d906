using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Swarm.Benchmarks.Api;

/// <summary>
/// The swarm's public REST API as a client uses it, with an admin bearer token. Answers are read as plain JSON, field by
/// field, so fields added to the API later do not break the benchmark.
/// </summary>
sealed class SwarmApi : IDisposable
{
    readonly HttpClient http;

    public SwarmApi(Uri address, string token)
    {
        // Creating an agent waits for its provisioning (up to 30 s on the host), so the timeout is above that.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/ready", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public Task<AgentCreation> CreateAgentAsync(string name, int maxConcurrency, CancellationToken cancellationToken) =>
        PostAgentAsync(JsonSerializer.Serialize(new { name, type = "worker", provider = new { type = "simulated", model = "bench" }, maxConcurrency }), cancellationToken);

    /// <summary>A simulated specialist with one expertise, which proposals pick their voters by; <paramref name="model"/> names its simulated profile.</summary>
    public Task<AgentCreation> CreateVoterAsync(string name, string expertise, string model, int maxConcurrency, CancellationToken cancellationToken) =>
        PostAgentAsync(
            JsonSerializer.Serialize(new
            {
                name,
                type = "specialist",
                role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { expertise }, priority = 5 },
                provider = new { type = "simulated", model },
                maxConcurrency,
            }),
            cancellationToken);

    /// <summary>
    /// A simulated specialist with one expertise, which tasks naming that capability go to, given <paramref name="tools"/>
    /// (none when empty); <paramref name="model"/> names its simulated profile (its latency and tool rounds).
    /// </summary>
    public Task<AgentCreation> CreateToolAgentAsync(string name, string expertise, string model, IReadOnlyList<string> tools, int maxConcurrency, CancellationToken cancellationToken) =>
        PostAgentAsync(
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["name"] = name,
                ["type"] = "specialist",
                ["role"] = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { expertise }, priority = 5 },
                ["provider"] = new { type = "simulated", model },
                ["maxConcurrency"] = maxConcurrency,
                ["tools"] = tools,
            }),
            cancellationToken);

    /// <summary>
    /// An agent with its own <paramref name="id"/> whose steps a program outside the swarm answers (<c>external</c>
    /// provider): one that holds a WebSocket of its own rather than a model the swarm calls.
    /// </summary>
    public Task<AgentCreation> CreateExternalAgentAsync(string id, CancellationToken cancellationToken) =>
        PostAgentAsync(
            JsonSerializer.Serialize(new
            {
                id,
                name = id,
                type = "specialist",
                role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { id }, priority = 5 },
                provider = new { type = "external", model = "bench" },
                maxConcurrency = 1,
            }),
            cancellationToken);

    /// <summary><c>POST /api/v1/agents/{id}/keys</c>: a new API key for the agent, which it authenticates with as itself.</summary>
    public async Task<string> IssueApiKeyAsync(string agentId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri($"/api/v1/agents/{agentId}/keys", UriKind.Relative), null, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && ReadString(text, "apiKey") is { } key
            ? key
            : throw new InvalidOperationException($"Issuing a key for {agentId} answered {(int)response.StatusCode}: {Shorten(text)}");
    }

    /// <summary>
    /// <c>PUT /api/v1/memory/{namespace}/{key}</c>: the answer's status (<c>202</c> once the write is accepted, a durable
    /// signal to the namespace's entity; 0 when the request failed) and how long it took.
    /// </summary>
    public async Task<(int Status, TimeSpan Latency)> PutMemoryAsync(string memoryNamespace, string key, string value, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PutAsync(new Uri($"/api/v1/memory/{memoryNamespace}/{key}", UriKind.Relative), Json(JsonSerializer.Serialize(new { value })), cancellationToken);
            return ((int)response.StatusCode, clock.Elapsed);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return (0, clock.Elapsed);
        }
    }

    /// <summary><c>GET /api/v1/memory/{namespace}/{key}</c>: the value, or null when there is none yet (or the request failed).</summary>
    public async Task<string?> GetMemoryValueAsync(string memoryNamespace, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"/api/v1/memory/{memoryNamespace}/{key}", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode ? ReadString(await response.Content.ReadAsStringAsync(cancellationToken), "value") : null;
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>
    /// <c>POST /api/v1/consensus/proposal</c>: a one-round simple-majority vote among the <paramref name="voters"/> agents
    /// with <paramref name="capability"/> (a minute's deadline, far above what a simulated round takes).
    /// </summary>
    public async Task<ProposalSubmission> ProposeAsync(string question, IReadOnlyList<string> options, string capability, int voters, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            question,
            options,
            algorithm = "simpleMajority",
            participants = new { capability, count = voters },
            deadlineSeconds = 60,
            maxRounds = 1,
        });
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync(new Uri("/api/v1/consensus/proposal", UriKind.Relative), Json(body), cancellationToken);
            var latency = clock.Elapsed;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            return status == 202
                ? new ProposalSubmission(startedAt, latency, status, ReadString(text, "id"), null)
                : new ProposalSubmission(startedAt, latency, status, null, Shorten(text));
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return new ProposalSubmission(startedAt, clock.Elapsed, 0, null, e.Message);
        }
    }

    /// <summary>The proposal as <c>GET /api/v1/consensus/proposals/{id}</c> shows it; null when the request failed (the caller polls again).</summary>
    public async Task<ProposalSnapshot?> GetProposalAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/api/v1/consensus/proposals/" + id, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return ReadProposal(document.RootElement);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return null;
        }
    }

    async Task<AgentCreation> PostAgentAsync(string body, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync(new Uri("/api/v1/agents", UriKind.Relative), Json(body), cancellationToken);
            var latency = clock.Elapsed;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            return status == 201
                ? new AgentCreation(status, latency, ReadAgentId(text), null)
                : new AgentCreation(status, latency, null, Shorten(text));
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return new AgentCreation(0, clock.Elapsed, null, e.Message);
        }
    }

    /// <param name="notify">Whether to ask for the task's <c>task_finished</c> event on the real-time channel.</param>
    /// <param name="capability">When given, a <c>single</c> task that needs it, so it goes to an agent with that expertise.</param>
    public async Task<TaskSubmission> SubmitTaskAsync(int index, string prompt, CancellationToken cancellationToken, bool notify = false, string? capability = null, bool stream = false)
    {
        var fields = new Dictionary<string, object> { ["prompt"] = prompt };
        if (notify)
        {
            fields["notify"] = true;
        }

        if (stream)
        {
            fields["stream"] = true;
        }

        if (capability is not null)
        {
            fields["capabilities"] = new[] { capability };
            fields["strategy"] = "single";
        }

        var body = JsonSerializer.Serialize(fields);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync(new Uri("/api/v1/tasks", UriKind.Relative), Json(body), cancellationToken);
            var latency = clock.Elapsed;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            return status == 202
                ? new TaskSubmission(index, startedAt, latency, status, ReadString(text, "id"), null)
                : new TaskSubmission(index, startedAt, latency, status, null, Shorten(text));
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return new TaskSubmission(index, startedAt, clock.Elapsed, 0, null, e.Message);
        }
    }

    /// <summary>
    /// <c>GET /api/v1/realtime/negotiate</c>: the WebSocket URL of the real-time channel for this client, or for the
    /// agent whose API key is <paramref name="agentApiKey"/> (the channel then knows the connection as that agent's).
    /// </summary>
    public async Task<Uri> NegotiateRealtimeAsync(CancellationToken cancellationToken, string? agentApiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/realtime/negotiate", UriKind.Relative));
        if (agentApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", agentApiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && ReadString(text, "url") is { } url
            ? new Uri(url)
            : throw new InvalidOperationException($"negotiate answered {(int)response.StatusCode}: {Shorten(text)}");
    }

    /// <summary>The task as the API shows it; null when the request failed (the caller polls again).</summary>
    public async Task<TaskSnapshot?> GetTaskAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/api/v1/tasks/" + id, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return ReadSnapshot(document.RootElement);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>
    /// One plain GET as a client makes it: its status (0 when the request failed) and the time to its whole body, and
    /// the body when it succeeded.
    /// </summary>
    public async Task<(int Status, TimeSpan Latency, string? Body)> GetAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return ((int)response.StatusCode, clock.Elapsed, response.IsSuccessStatusCode ? text : null);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            return (0, clock.Elapsed, null);
        }
    }

    /// <summary>A refused connection or the client's own timeout: a result to report, unlike the benchmark being stopped.</summary>
    static bool IsRequestFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    static TaskSnapshot ReadSnapshot(JsonElement task)
    {
        var result = Property(task, "result");
        var error = Property(task, "error");
        return new TaskSnapshot(
            Property(task, "status")?.GetString() ?? "unknown",
            Property(task, "createdAt")!.Value.GetDateTimeOffset(),
            Property(task, "lastUpdatedAt")!.Value.GetDateTimeOffset(),
            Property(task, "claimedAt")?.GetDateTimeOffset(),
            Property(task, "answeredAt")?.GetDateTimeOffset(),
            Property(task, "agentId")?.GetString(),
            result is { } r ? Property(r, "latencyMs")?.GetDouble() : null,
            result is { } t ? Property(t, "turns")?.GetInt32() : null,
            result is { } c ? Property(c, "toolCalls")?.GetInt32() : null,
            error is { } e1 ? Property(e1, "type")?.GetString() : null,
            error is { } e2 ? Property(e2, "message")?.GetString() : null);
    }

    static ProposalSnapshot ReadProposal(JsonElement proposal)
    {
        var first = Property(proposal, "rounds") is { ValueKind: JsonValueKind.Array } rounds && rounds.GetArrayLength() > 0 ? rounds[0] : (JsonElement?)null;
        var ballots = first is { } r && Property(r, "ballots") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        return new ProposalSnapshot(
            Property(proposal, "status")?.GetString() ?? "unknown",
            Property(proposal, "createdAt")!.Value.GetDateTimeOffset(),
            Property(proposal, "lastUpdatedAt")!.Value.GetDateTimeOffset(),
            Property(proposal, "winner")?.GetString(),
            Property(proposal, "reason")?.GetString(),
            first is { } started ? Property(started, "startedAt")?.GetDateTimeOffset() : null,
            first is { } ended ? Property(ended, "endedAt")?.GetDateTimeOffset() : null,
            ballots.Count,
            ballots.Count(b => Property(b, "problem") is null && Property(b, "choice") is not null));
    }

    static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    static string? ReadAgentId(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Property(document.RootElement, "agent") is { } agent ? Property(agent, "id")?.GetString() : null;
    }

    static string? ReadString(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return Property(document.RootElement, name)?.GetString();
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public void Dispose() => http.Dispose();
}
