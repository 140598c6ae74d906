using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Request bodies that arrive too slowly or stop short are the client's fault: answered (when the client can still
/// hear it) with a 4xx problem, audited as the client's failure, and never logged as an error of the swarm.
/// </summary>
public sealed class RequestBodyFaultTests(TaskApiTests.Host host) : IClassFixture<TaskApiTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    [Fact]
    public async Task A_body_slower_than_the_minimum_data_rate_is_a_408_problem_audited_as_the_clients_failure()
    {
        var correlationId = "slow-" + Guid.NewGuid().ToString("N");
        var errorsBefore = ErrorLines();
        using var connection = await RawHttpConnection.OpenAsync(Swarm.HttpPort);
        await connection.SendJsonHeadAsync("/api/v1/tasks", Swarm.Token("admin"), contentLength: 200, correlationId);

        // One byte a second, far under Kestrel's minimum of 240 bytes a second (after a 5 s grace period).
        using var stop = new CancellationTokenSource();
        var dribble = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await connection.SendAsync(" ");
                    await Task.Delay(1000, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The server has given up on the body, or the test has.
            }
        });
        var answer = await connection.ReadUntilClosedAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await dribble;

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("urn:swarm:problem:request-body-timeout", answer, StringComparison.Ordinal);
        var record = await AuditRecordAsync(correlationId);
        Assert.Equal(408, record.GetProperty("status").GetInt32());
        Assert.Equal("failed", record.GetProperty("outcome").GetString());
        AssertNoNewErrorLines(errorsBefore);
    }

    [Fact]
    public async Task A_body_cut_short_is_audited_as_a_400_and_not_logged_as_an_error()
    {
        var correlationId = "short-" + Guid.NewGuid().ToString("N");
        var errorsBefore = ErrorLines();
        using var connection = await RawHttpConnection.OpenAsync(Swarm.HttpPort);
        await connection.SendJsonHeadAsync("/api/v1/tasks", Swarm.Token("admin"), contentLength: 100, correlationId);

        await connection.SendAsync("""{"prompt":""");
        connection.EndRequest();
        await connection.ReadUntilClosedAsync(TimeSpan.FromSeconds(10));

        var record = await AuditRecordAsync(correlationId);
        Assert.Equal(400, record.GetProperty("status").GetInt32());
        Assert.Equal("failed", record.GetProperty("outcome").GetString());
        AssertNoNewErrorLines(errorsBefore);
    }

    /// <summary>The audit record of the request with this correlation id, once it is written.</summary>
    async Task<JsonElement> AuditRecordAsync(string correlationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=SubmitTask&pageSize=200"));
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
            if (items.FirstOrDefault(r => r.GetProperty("correlationId").GetString() == correlationId) is { ValueKind: JsonValueKind.Object } record)
            {
                return record;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No audit record for {correlationId}:{Environment.NewLine}{Swarm.Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>Error-level lines in the host's log (the console logger starts them with <c>fail:</c> or <c>crit:</c>).</summary>
    int ErrorLines() => Swarm.Output.Split(Environment.NewLine).Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));

    void AssertNoNewErrorLines(int before) =>
        Assert.True(ErrorLines() == before, $"The request was logged as an error:{Environment.NewLine}{Swarm.Output}");
}
