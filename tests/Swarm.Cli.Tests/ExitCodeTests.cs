using Swarm.Cli.Api;
using Swarm.Cli.Profiles;

namespace Swarm.Cli.Tests;

/// <summary>The exit codes scripts rely on, and problem documents read for people.</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData(400, ExitCodes.Usage)]
    [InlineData(404, ExitCodes.NotFound)]
    [InlineData(409, ExitCodes.Conflict)]
    [InlineData(401, ExitCodes.Unauthorized)]
    [InlineData(403, ExitCodes.Forbidden)]
    [InlineData(503, ExitCodes.ServerUnavailable)]
    [InlineData(429, ExitCodes.ServerUnavailable)]
    [InlineData(500, ExitCodes.ServerError)]
    public void Each_refusal_has_its_own_exit_code(int status, int exitCode) => Assert.Equal(exitCode, ExitCodes.ForStatus(status));

    [Fact]
    public void A_problem_document_reads_as_its_title_status_detail_and_fields()
    {
        var problem = ApiProblem.Read(400, "Bad Request", """
            {"type": "urn:swarm:problem:validation-failed", "title": "The request is not valid.", "status": 400, "detail": "One or more fields are invalid.",
             "errors": [{"field": "priority", "message": "must be from 1 to 10."}]}
            """);

        Assert.Equal("error: The request is not valid. (400): One or more fields are invalid.\n  priority: must be from 1 to 10.", problem.Describe().ReplaceLineEndings("\n"));
        Assert.Equal(ExitCodes.Usage, problem.ExitCode);
    }

    [Fact]
    public void An_answer_that_is_no_problem_document_keeps_its_status_and_an_excerpt()
    {
        var problem = ApiProblem.Read(502, "Bad Gateway", "<html>upstream down</html>");

        Assert.Equal("error: Bad Gateway (502): <html>upstream down</html>", problem.Describe());
        Assert.Equal(ExitCodes.ServerUnavailable, problem.ExitCode);
    }

    [Fact]
    public void A_minted_development_token_names_its_subject_and_expiry()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var token = DevelopmentToken.Mint("a-development-secret-of-some-length", "cli-admin", "admin", TimeSpan.FromHours(8), now);

        Assert.Equal(("cli-admin", now.AddHours(8)), DevelopmentToken.Describe(token));
    }
}
