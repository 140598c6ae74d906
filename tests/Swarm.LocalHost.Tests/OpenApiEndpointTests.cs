using System.Net;
using System.Text.Json.Nodes;
using Swarm.Api.Contract;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The OpenAPI document as the local host serves it: only with a credential (any valid one), and the very document the
/// route table generates; the reference page that shows it holds no data and needs none. The <c>openapi</c> command
/// writes the committed file.
/// </summary>
public sealed class OpenApiEndpointTests
{
    [Fact]
    public async Task The_served_document_needs_a_credential_and_is_the_generated_one()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var anonymous = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/openapi.json", role: null));
        using var forged = host.Request(HttpMethod.Get, "/api/v1/openapi.json", role: null);
        forged.Headers.Authorization = new("Bearer", Tokens.Signed(["admin"], secret: "not-the-secret-but-long-enough-000000000"));
        using var refused = await host.Http.SendAsync(forged);
        using var withoutPermissions = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/openapi.json", role: "no-such-role"));
        var agentKey = (await TestAgents.IssueKeyAsync(host, "reader-1")).GetProperty("apiKey").GetString()!;
        using var byAgent = host.Request(HttpMethod.Get, "/api/v1/openapi.json", role: null);
        byAgent.Headers.Add("X-Api-Key", agentKey);
        using var asAgent = await host.Http.SendAsync(byAgent);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutPermissions.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAgent.StatusCode);
        var served = JsonNode.Parse(await withoutPermissions.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(OpenApiDocument.ForSwarm, served), "The served document differs from the generated one.");
        Assert.True(JsonNode.DeepEquals(served, JsonNode.Parse(await asAgent.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task The_reference_page_is_static_and_fetches_the_document_with_the_users_credential()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var page = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/reference", role: null));
        using var script = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/reference/api-reference.js", role: null));
        var html = await page.Content.ReadAsStringAsync();
        var code = await script.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("connect-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/reference/api-reference.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("fetch(\"/api/v1/openapi.json\", { headers", code, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_command_writes_the_committed_document()
    {
        var path = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await LocalHostProcess.RunCommandAsync(["openapi", path], TimeSpan.FromSeconds(60));

            Assert.True(exitCode == 0, output);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "api", "openapi.json")), await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
