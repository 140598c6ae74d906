using System.Text;
using Swarm.Api;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Tests;

public sealed class ApiJsonTests
{
    static ApiRequest Request(string body, string contentType = "application/json") => new()
    {
        Method = "POST",
        Path = "/api/v1/tasks",
        CorrelationId = "c1",
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType },
        Body = new MemoryStream(Encoding.UTF8.GetBytes(body)),
    };

    static Task<TaskRequest> Read(string body, int maxBytes = 1024, string contentType = "application/json") =>
        ApiJson.ReadBodyAsync<TaskRequest>(Request(body, contentType), maxBytes, CancellationToken.None);

    [Fact]
    public async Task A_well_formed_body_is_read()
    {
        var task = await Read("""{"prompt":"hi","priority":3,"metadata":{"team":"docs"}}""");

        Assert.Equal("hi", task.Prompt);
        Assert.Equal(3, task.Priority);
        Assert.Equal("docs", task.Metadata!["team"]);
    }

    [Theory]
    [InlineData("""{"prompt":"hi","colour":"red"}""", "colour")]
    [InlineData("""{"prompt":"hi","priority":"high"}""", "priority")]
    [InlineData("""{"prompt":"hi","priority":1.5}""", "priority")]
    [InlineData("""{"prompt":"a","prompt":"b"}""", "prompt")]
    [InlineData("""{"prompt":"hi","metadata":{"k":7}}""", "metadata.k")]
    public async Task A_field_that_does_not_fit_is_named(string body, string field)
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => Read(body));

        Assert.Equal(400, error.Problem.Status);
        Assert.Equal(field, Assert.Single(error.Problem.Errors!).Field);
        Assert.DoesNotContain("Swarm.", error.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"prompt\":")]
    [InlineData("not json")]
    [InlineData("{\"prompt\":\"hi\",}")]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_json_object_is_a_400(string body)
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => Read(body));

        Assert.Equal(400, error.Problem.Status);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => Read("{\"prompt\":\"" + new string('x', 5000) + "\"}", maxBytes: 1024));

        Assert.Equal(413, error.Problem.Status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_declared_json_is_a_415(string contentType)
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => Read("{}", contentType: contentType));

        Assert.Equal(415, error.Problem.Status);
    }

    [Fact]
    public async Task An_unknown_strategy_is_refused_with_every_strategy_there_is_consensus_included()
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => Read("""{"prompt":"hi","strategy":"plural"}"""));

        Assert.Equal("strategy", Assert.Single(error.Problem.Errors!).Field);
        Assert.Equal("'strategy' must be one of: auto, single, parallel, pipeline, hierarchical, consensus.", error.Problem.Detail);
    }

    [Theory]
    [InlineData("""{"prompt":"hi","strategy":"Parallel"}""", TaskStrategy.Parallel)]
    [InlineData("""{"prompt":"hi","strategy":"consensus"}""", TaskStrategy.Consensus)]
    public async Task A_strategy_is_read_by_its_name_in_any_case(string body, TaskStrategy expected)
    {
        Assert.Equal(expected, (await Read(body)).Strategy);
    }

    [Fact]
    public async Task A_strategy_given_as_a_number_is_refused()
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => Read("""{"prompt":"hi","strategy":1}"""));

        Assert.Equal("strategy", Assert.Single(error.Problem.Errors!).Field);
    }

    [Fact]
    public async Task A_response_keeps_quotes_and_pluses_readable_and_enums_as_camel_case_names()
    {
        using var body = new MemoryStream();

        await ApiResponse.Ok(new { text = "say \"2+2\"", status = TaskRunStatus.AwaitingApproval }).WriteBodyAsync(body, CancellationToken.None);

        Assert.Equal("""{"text":"say \"2+2\"","status":"awaitingApproval"}""", Encoding.UTF8.GetString(body.ToArray()));
    }
}
