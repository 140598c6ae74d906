using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Request headers over the API's limit get the same problem document as every other error, on every route.</summary>
public sealed class OversizedHeaderTests(TaskApiTests.Host host) : IClassFixture<TaskApiTests.Host>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/tasks")]
    [InlineData("/api/v1/nothing-here")]
    public async Task A_100_KB_bearer_token_gets_a_431_problem(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('a', 100_000));

        using var response = await host.Process.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:swarm:problem:request-headers-too-large", problem.GetProperty("type").GetString());
        Assert.Equal(path, problem.GetProperty("instance").GetString());
    }
}
