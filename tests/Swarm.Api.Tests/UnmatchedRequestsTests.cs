using Swarm.Api;

namespace Swarm.Api.Tests;

public sealed class UnmatchedRequestsTests
{
    [Fact]
    public void A_known_path_with_another_method_is_405_naming_the_allowed_methods()
    {
        var answer = UnmatchedRequests.Answer("DELETE", "/api/v1/tasks/task-1", "c1");

        Assert.Equal(405, answer.Status);
        Assert.Equal("GET", answer.Headers["Allow"]);
        Assert.Equal("application/problem+json; charset=utf-8", answer.ContentType);
    }

    [Fact]
    public void An_unknown_path_is_404_with_the_correlation_id()
    {
        var answer = UnmatchedRequests.Answer("GET", "/api/v1/nothing", "c2");

        Assert.Equal(404, answer.Status);
        Assert.Equal("c2", Assert.IsType<ProblemDetails>(answer.Body).CorrelationId);
    }
}
