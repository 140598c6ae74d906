using System.Net;
using Swarm.Api;
using Swarm.Application.Security;

namespace Swarm.LocalHost.Tests;

/// <summary>Every POST route of the running host against malformed and oversized bodies.</summary>
public sealed class PostBodyTests(TaskApiTests.Host host) : IClassFixture<TaskApiTests.Host>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "malformed", "{\"prompt\": " },
        { "not an object", "[1, 2, 3]" },
        { "oversized", "{\"prompt\":\"" + new string('x', 400_000) + "\"}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Every_post_route_answers_a_bad_body_with_a_4xx_problem_and_writes_nothing(string kind, string body)
    {
        var swarm = host.Process;
        await TestAgents.EnsureAsync(swarm, "exchanger");
        var before = await StoredStateAsync(swarm);
        foreach (var route in SwarmRoutes.All.Where(r => r.Method == "POST"))
        {
            var path = "/" + route.Template.Replace("{id}", "body-test-agent", StringComparison.Ordinal);
            using var request = swarm.Request(HttpMethod.Post, path, role: route.Permission == Permissions.AuthToken ? null : "admin");
            if (route.Permission == Permissions.AuthToken)
            {
                request.Headers.Add("X-Api-Key", (await TestAgents.IssueKeyAsync(swarm, "exchanger")).GetProperty("apiKey").GetString()!);
            }

            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await swarm.Http.SendAsync(request);

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{route.Name} with a {kind} body answered {(int)response.StatusCode}.");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The exchange route's key was issued on purpose: one key more, nothing else.
        var after = await StoredStateAsync(swarm);
        Assert.Equal(before.Tasks, after.Tasks);
        Assert.Equal(before.Keys + 1, after.Keys);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task A_decision_with_a_body_but_no_content_type_is_refused_like_any_other_type(string decision)
    {
        var swarm = host.Process;
        using var request = swarm.Request(HttpMethod.Post, $"/api/v1/tasks/task-0123456789abcdef0123456789abcdef/{decision}");
        request.Content = new ByteArrayContent("""{"comment":"looks fine"}"""u8.ToArray());

        using var response = await swarm.Http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Task orchestrations and API key rows: what a POST handler that ran would have added to.</summary>
    static async Task<(int Tasks, int Keys)> StoredStateAsync(LocalHostProcess swarm)
    {
        await using var durable = swarm.DurableClient();
        var tasks = 0;
        await foreach (var _ in durable.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { PageSize = 100, InstanceIdPrefix = global::Swarm.Domain.Tasks.TaskId.Prefix }))
        {
            tasks++;
        }

        var keys = 0;
        var table = new Azure.Data.Tables.TableServiceClient(swarm.StorageConnectionString).GetTableClient(swarm.Table("ApiKeys"));
        await table.CreateIfNotExistsAsync();
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            keys++;
        }

        return (tasks, keys);
    }
}
