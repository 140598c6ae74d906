using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Adapters.Storage;
using Swarm.Api;
using Swarm.Api.Endpoints.Audit;
using Swarm.Application.Audit;
using Swarm.Application.Security;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The audit trail on Azure Table storage (Azurite) and <c>GET /api/v1/audit</c> over it. Each test writes to a
/// table of its own, so tests neither see nor disturb each other's records.
/// </summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    static readonly DateTimeOffset Day1 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Day2 = Day1.AddDays(1);
    static readonly DateTimeOffset Day3 = Day1.AddDays(2);
    static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    readonly string tableName = "audit" + Guid.NewGuid().ToString("N")[..20];
    TableServiceClient tables = null!;
    TableAuditTrail trail = null!;

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.SharedAsync();
        tables = new TableServiceClient(azurite.ConnectionString);
        trail = new TableAuditTrail(tables, NullLogger<TableAuditTrail>.Instance, tableName);
    }

    public async Task DisposeAsync()
    {
        trail.Dispose();
        await tables.DeleteTableAsync(tableName);
    }

    static AuditRecord Record(DateTimeOffset time, string principal = "alice", string action = "SubmitTask", string outcome = AuditOutcomes.Succeeded) =>
        AuditRecord.Create(time, principal, action, "/api/v1/tasks", outcome, 202, "corr-" + time.UtcTicks.ToString(CultureInfo.InvariantCulture));

    static AuditQuery Query(DateTimeOffset from, DateTimeOffset to, string? principal = null, string? action = null, int pageSize = 50, string? token = null) =>
        new(from, to, principal, action, pageSize, token);

    async Task AppendAllAsync(params AuditRecord[] records)
    {
        foreach (var record in records)
        {
            await trail.AppendAsync(record, CancellationToken.None);
        }
    }

    // ---- The trail ----

    [Fact]
    public async Task An_appended_record_is_returned_with_every_field()
    {
        var time = new DateTimeOffset(2025, 3, 1, 14, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var record = new AuditRecord(time, "agent:queen-1", "ApiKeyIssued", "agents/queen-1/keys/k1", AuditOutcomes.Succeeded, 201, "corr-42", "10.0.0.7", "issued by admin");

        await trail.AppendAsync(record, CancellationToken.None);
        var page = await trail.QueryAsync(Query(Day1, Day2), CancellationToken.None);

        var found = Assert.Single(page.Items);
        Assert.Equal(record with { Time = time.ToUniversalTime() }, found);
        Assert.Equal(TimeSpan.Zero, found.Time.Offset);
        Assert.Equal(time.UtcTicks, found.Time.UtcTicks);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task A_record_without_optional_fields_comes_back_without_them()
    {
        await trail.AppendAsync(AuditRecord.Create(Day1.AddHours(1), principal: null, "AuthenticationFailed", "/api/v1/tasks", AuditOutcomes.Unauthenticated, status: null, "corr-1"), CancellationToken.None);

        var found = Assert.Single((await trail.QueryAsync(Query(Day1, Day2), CancellationToken.None)).Items);

        Assert.Equal(AuditRecord.Anonymous, found.Principal);
        Assert.Null(found.Status);
        Assert.Null(found.ClientAddress);
        Assert.Null(found.Detail);
    }

    [Fact]
    public async Task Records_are_returned_newest_first_across_days()
    {
        // Written out of order, on three days, to show the order comes from the keys and not from the writes.
        var times = new[] { Day2.AddHours(3), Day1.AddHours(23), Day3.AddMinutes(1), Day1.AddHours(1), Day2.AddHours(20), Day3.AddHours(5) };
        await AppendAllAsync([.. times.Select(t => Record(t))]);

        var page = await trail.QueryAsync(Query(Day1, Day3.AddDays(1)), CancellationToken.None);

        Assert.Equal(times.OrderDescending(), page.Items.Select(r => r.Time));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task From_is_inclusive_and_to_is_exclusive()
    {
        var from = Day1.AddHours(6);
        var to = Day2.AddHours(6);
        await AppendAllAsync(Record(from.AddTicks(-1)), Record(from), Record(to.AddTicks(-1)), Record(to));

        var page = await trail.QueryAsync(Query(from, to), CancellationToken.None);

        Assert.Equal([to.AddTicks(-1), from], page.Items.Select(r => r.Time));
    }

    [Fact]
    public async Task Two_records_in_the_same_tick_are_both_kept()
    {
        var time = Day1.AddHours(8);

        await AppendAllAsync(Record(time, principal: "alice"), Record(time, principal: "bob"));
        var page = await trail.QueryAsync(Query(Day1, Day2), CancellationToken.None);

        Assert.Equal(["alice", "bob"], page.Items.Select(r => r.Principal).Order());
    }

    [Fact]
    public async Task A_query_filters_by_principal()
    {
        await AppendAllAsync(Record(Day1.AddHours(1), principal: "alice"), Record(Day1.AddHours(2), principal: "bob"), Record(Day2.AddHours(1), principal: "alice"));

        var page = await trail.QueryAsync(Query(Day1, Day3, principal: "alice"), CancellationToken.None);

        Assert.Equal([Day2.AddHours(1), Day1.AddHours(1)], page.Items.Select(r => r.Time));
        Assert.All(page.Items, r => Assert.Equal("alice", r.Principal));
    }

    [Fact]
    public async Task A_query_filters_by_action_and_by_principal_and_action_together()
    {
        await AppendAllAsync(
            Record(Day1.AddHours(1), principal: "alice", action: "SubmitTask"),
            Record(Day1.AddHours(2), principal: "alice", action: "RevokeApiKey"),
            Record(Day2.AddHours(1), principal: "bob", action: "RevokeApiKey"));

        var byAction = await trail.QueryAsync(Query(Day1, Day3, action: "RevokeApiKey"), CancellationToken.None);
        var byBoth = await trail.QueryAsync(Query(Day1, Day3, principal: "alice", action: "RevokeApiKey"), CancellationToken.None);

        Assert.Equal(["bob", "alice"], byAction.Items.Select(r => r.Principal));
        Assert.Equal(Day1.AddHours(2), Assert.Single(byBoth.Items).Time);
    }

    [Theory]
    [InlineData("o'brien")]
    [InlineData("x' or Principal ne 'x")]
    [InlineData("' or '1' eq '1")]
    public async Task A_filter_value_with_quotes_is_matched_literally(string principal)
    {
        await AppendAllAsync(Record(Day1.AddHours(1), principal: principal), Record(Day1.AddHours(2), principal: "someone-else"));

        var page = await trail.QueryAsync(Query(Day1, Day2, principal: principal), CancellationToken.None);

        Assert.Equal(principal, Assert.Single(page.Items).Principal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    public async Task Paging_with_continuation_tokens_returns_every_record_exactly_once(int pageSize)
    {
        // Nine records over three days, with an empty day between, and two records outside the range.
        var inside = new[]
        {
            Day1.AddHours(1), Day1.AddHours(2), Day1.AddHours(3), Day1.AddHours(4),
            Day3.AddHours(1), Day3.AddHours(2), Day3.AddHours(3),
            Day3.AddDays(1).AddHours(1), Day3.AddDays(1).AddHours(2),
        };
        await AppendAllAsync([.. inside.Select(t => Record(t)), Record(Day1.AddTicks(-1)), Record(Day3.AddDays(2))]);

        var seen = new List<DateTimeOffset>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await trail.QueryAsync(Query(Day1, Day3.AddDays(2), pageSize: pageSize, token: token), CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, pageSize);
            seen.AddRange(page.Items.Select(r => r.Time));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal(inside.OrderDescending(), seen);
        Assert.Equal((inside.Length + pageSize - 1) / pageSize, pages);
    }

    [Fact]
    public async Task Paging_keeps_the_filters_of_the_query()
    {
        await AppendAllAsync(
            Record(Day1.AddHours(1), principal: "alice"), Record(Day1.AddHours(2), principal: "bob"),
            Record(Day1.AddHours(3), principal: "alice"), Record(Day2.AddHours(1), principal: "bob"),
            Record(Day2.AddHours(2), principal: "alice"));

        var first = await trail.QueryAsync(Query(Day1, Day3, principal: "alice", pageSize: 2), CancellationToken.None);
        var second = await trail.QueryAsync(Query(Day1, Day3, principal: "alice", pageSize: 2, token: first.ContinuationToken), CancellationToken.None);

        Assert.Equal([Day2.AddHours(2), Day1.AddHours(3)], first.Items.Select(r => r.Time));
        Assert.Equal(Day1.AddHours(1), Assert.Single(second.Items).Time);
        Assert.Null(second.ContinuationToken);
    }

    public static TheoryData<string> MalformedTokens => new()
    {
        "not a token!",
        "%%%",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("20250301/garbage")),
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("20251399/0000000000000000000-00000000000000000000000000000000")),
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("20250301/0000000000000000000-00000000000000000000000000000000 and true")),
        new string('A', 4000),
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task A_malformed_continuation_token_is_refused_with_its_own_exception(string token)
    {
        await AppendAllAsync(Record(Day1.AddHours(1)));

        await Assert.ThrowsAsync<InvalidAuditContinuationException>(() => trail.QueryAsync(Query(Day1, Day2, token: token), CancellationToken.None));
    }

    [Fact]
    public async Task A_continuation_token_from_a_query_over_other_days_is_refused()
    {
        await AppendAllAsync(Record(Day3.AddHours(1)), Record(Day3.AddHours(2)));
        var page = await trail.QueryAsync(Query(Day3, Day3.AddDays(1), pageSize: 1), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidAuditContinuationException>(() => trail.QueryAsync(Query(Day1, Day2, token: page.ContinuationToken), CancellationToken.None));
    }

    [Fact]
    public async Task Long_texts_are_cut_control_characters_replaced_and_tokens_masked_before_they_are_stored()
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        var record = new AuditRecord(Day1.AddHours(1), new string('p', 5000), "SubmitTask", "/api/v1/tasks\r\nfake: line", AuditOutcomes.Failed, 400, "corr-1", Detail: "bad token " + jwt);

        await trail.AppendAsync(record, CancellationToken.None);
        var found = Assert.Single((await trail.QueryAsync(Query(Day1, Day2), CancellationToken.None)).Items);

        Assert.Equal(AuditRecord.MaxTextLength, found.Principal.Length);
        Assert.EndsWith("...", found.Principal, StringComparison.Ordinal);
        Assert.Equal("/api/v1/tasks  fake: line", found.Resource);
        Assert.DoesNotContain(jwt, found.Detail!, StringComparison.Ordinal);
        Assert.StartsWith("bad token [redacted", found.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_with_an_unknown_outcome_is_refused_and_not_stored()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => trail.AppendAsync(Record(Day1.AddHours(1), outcome: "ok"), CancellationToken.None));

        Assert.Empty((await trail.QueryAsync(Query(Day1, Day2), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_request_record_takes_principal_path_correlation_address_and_outcome_from_the_request()
    {
        var request = new ApiRequest
        {
            Method = "DELETE",
            Path = "/api/v1/agents/queen-1/keys/k1",
            CorrelationId = "corr-7",
            ClientAddress = "127.0.0.1",
            Principal = new SwarmPrincipal("bob", ["viewer"], new HashSet<string>()),
        };

        await trail.AppendAsync(RequestAuditRecords.For("RevokeApiKey", request, 403, Day1.AddHours(1)), CancellationToken.None);
        var found = Assert.Single((await trail.QueryAsync(Query(Day1, Day2), CancellationToken.None)).Items);

        Assert.Equal(new AuditRecord(Day1.AddHours(1), "bob", "RevokeApiKey", "/api/v1/agents/queen-1/keys/k1", AuditOutcomes.Denied, 403, "corr-7", "127.0.0.1"), found);
    }

    [Fact]
    public async Task Appending_fails_closed_and_trying_fails_open_when_storage_does_not_answer()
    {
        // A real client on a port nobody listens on, without retries so the failure is immediate.
        var unreachable = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{FreePorts.Next()}/devstoreaccount1;",
            new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        var logger = new RecordingLogger<TableAuditTrail>();
        using var down = new TableAuditTrail(unreachable, logger);

        var closed = await Assert.ThrowsAsync<AuditUnavailableException>(() => down.AppendAsync(Record(Day1.AddHours(1), action: "SubmitTask"), CancellationToken.None));
        var open = await down.TryAppendAsync(Record(Day1.AddHours(2), action: "AuthenticationFailed", outcome: AuditOutcomes.Unauthenticated), CancellationToken.None);

        Assert.NotNull(closed.InnerException);
        Assert.False(open);
        Assert.Equal([LogLevel.Error, LogLevel.Error], logger.Levels);
    }

    // ---- GET /api/v1/audit ----

    GetAuditHandler Handler() => new(trail, new FixedClock(Now));

    static ApiRequest Get(params (string Name, string Value)[] parameters) => new()
    {
        Method = "GET",
        Path = "/api/v1/audit",
        CorrelationId = "corr-audit",
        Query = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
    };

    Task<ApiResponse> HandleAsync(params (string Name, string Value)[] parameters) =>
        Handler().HandleAsync(Get(parameters), durable: null!, CancellationToken.None);

    [Fact]
    public async Task The_endpoint_defaults_to_the_last_24_hours_newest_first()
    {
        await AppendAllAsync(Record(Now.AddHours(-25)), Record(Now.AddHours(-23)), Record(Now.AddMinutes(-1)), Record(Now.AddMinutes(1)));

        var response = await HandleAsync();

        Assert.Equal(200, response.Status);
        var page = Assert.IsType<AuditPage>(response.Body);
        Assert.Equal([Now.AddMinutes(-1), Now.AddHours(-23)], page.Items.Select(r => r.Time));
    }

    [Fact]
    public async Task The_endpoint_answers_items_and_a_continuation_token_that_pages_through_the_rest()
    {
        await AppendAllAsync(Record(Day1.AddHours(1), principal: "o'brien"), Record(Day1.AddHours(2), principal: "o'brien"), Record(Day1.AddHours(3), principal: "eve"));
        var range = new[] { ("from", "2025-03-01T00:00:00Z"), ("to", "2025-03-02T00:00:00Z"), ("principal", "o'brien"), ("pageSize", "1") };

        var first = await HandleAsync(range);
        var json = await JsonOf(first);
        var token = json.GetProperty("continuationToken").GetString();
        var second = await HandleAsync([.. range, ("continuationToken", token!)]);
        var last = await JsonOf(second);

        Assert.Equal(200, first.Status);
        var item = Assert.Single(json.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("o'brien", item.GetProperty("principal").GetString());
        Assert.Equal("SubmitTask", item.GetProperty("action").GetString());
        Assert.Equal("succeeded", item.GetProperty("outcome").GetString());
        Assert.Equal(202, item.GetProperty("status").GetInt32());
        Assert.Equal(Day1.AddHours(2), item.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(Day1.AddHours(1), Assert.Single(last.GetProperty("items").EnumerateArray().ToList()).GetProperty("time").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("continuationToken").ValueKind);
    }

    public static TheoryData<string, string, string> BadParameters => new()
    {
        { "from", "yesterday", "from" },
        { "from", "01/03/2025", "from" },
        { "to", "2025-03-10T12:00:00 01:00", "to" },
        { "from", "2025-03-10T13:00:00Z", "to" },
        { "from", "2025-02-01T00:00:00Z", "to" },
        { "pageSize", "0", "pageSize" },
        { "pageSize", "201", "pageSize" },
        { "pageSize", "ten", "pageSize" },
        { "pageSize", "-5", "pageSize" },
        { "principal", "", "principal" },
        { "action", new string('a', AuditRecord.MaxTextLength + 1), "action" },
        { "continuationToken", "", "continuationToken" },
        { "continuationToken", "not-a-token", "continuationToken" },
        { "princpal", "alice", "princpal" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_bad_parameter_is_a_400_naming_it(string name, string value, string field)
    {
        var response = await HandleAsync((name, value));

        Assert.Equal(400, response.Status);
        var problem = Assert.IsType<ProblemDetails>(response.Body);
        Assert.Equal("urn:swarm:problem:validation-failed", problem.Type);
        Assert.Equal(field, Assert.Single(problem.Errors!).Field);
    }

    [Fact]
    public async Task A_to_before_from_is_a_400_naming_to()
    {
        var response = await HandleAsync(("from", "2025-03-02T00:00:00Z"), ("to", "2025-03-01T00:00:00+01:00"));

        Assert.Equal(400, response.Status);
        Assert.Equal("to", Assert.Single(Assert.IsType<ProblemDetails>(response.Body).Errors!).Field);
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_at_once()
    {
        var response = await HandleAsync(("from", "soon"), ("pageSize", "500"), ("action", " "));

        Assert.Equal(400, response.Status);
        Assert.Equal(["action", "from", "pageSize"], Assert.IsType<ProblemDetails>(response.Body).Errors!.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task A_range_of_exactly_31_days_with_offsets_is_accepted()
    {
        await AppendAllAsync(Record(Day1.AddHours(1)));

        var response = await HandleAsync(("from", "2025-03-01T02:00:00+02:00"), ("to", "2025-04-01T00:00:00Z"), ("pageSize", "200"));

        Assert.Equal(200, response.Status);
        Assert.Equal(Day1.AddHours(1), Assert.Single(Assert.IsType<AuditPage>(response.Body).Items).Time);
    }

    static async Task<JsonElement> JsonOf(ApiResponse response)
    {
        using var stream = new MemoryStream();
        await response.WriteBodyAsync(stream, CancellationToken.None);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Keeps the level of each log entry, to show which failures were reported.</summary>
    sealed class RecordingLogger<T> : ILogger<T>
    {
        readonly List<LogLevel> levels = [];

        public IReadOnlyList<LogLevel> Levels
        {
            get
            {
                lock (levels)
                {
                    return [.. levels];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (levels)
            {
                levels.Add(logLevel);
            }
        }
    }
}
