using System.Net;
using System.Text.Json;
using Swarm.Api.Dashboard;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The live dashboard in a real headless Chromium against the local host, and the CORS setting for browser clients of
/// the API (the host here allows one other origin).
/// </summary>
public sealed class DashboardTests(DashboardTests.Host host) : IClassFixture<DashboardTests.Host>
{
    const string AllowedOrigin = "https://ops.example.com";

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Process = await LocalHostProcess.StartAsync(("api__cors__allowedOrigins__0", AllowedOrigin), ("providers__simulated__latencyMs", "300"));

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    LocalHostProcess Swarm => host.Process;

    [Fact]
    public async Task A_person_signs_in_and_watches_the_swarm_live_and_a_viewer_sees_the_panels_it_may_not_read_refused()
    {
        await DashboardBrowser.EnsureInstalledAsync();
        var userDataDir = Directory.CreateTempSubdirectory("swarm-dashboard-chromium-");
        try
        {
            var request = JsonSerializer.Serialize(new
            {
                baseUrl = $"http://127.0.0.1:{Swarm.HttpPort}",
                adminToken = Swarm.Token("admin"),
                viewerToken = Swarm.Token("viewer"),
                userDataDir = userDataDir.FullName,
                executablePath = DashboardBrowser.Executable,
            });

            var (exitCode, output) = await DashboardBrowser.DriveAsync(request);

            Assert.True(exitCode == 0, $"The browser run failed: {output}");
            using var result = JsonDocument.Parse(output);
            var steps = result.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
            Assert.Contains(steps, s => s.StartsWith("sees an agent: queen-1", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.StartsWith("watched it complete live", StringComparison.Ordinal) && s.Contains("task_finished completed", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.StartsWith("approved from the page", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.StartsWith("sees an agent created elsewhere", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.StartsWith("sees a consensus round decided", StringComparison.Ordinal));
            Assert.Contains("token kept in sessionStorage only", steps);
            Assert.Contains(steps, s => s.StartsWith("viewer sees the audit panel refused", StringComparison.Ordinal) && s.Contains("may not read the audit trail", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.StartsWith("viewer submission refused", StringComparison.Ordinal) && s.Contains("403", StringComparison.Ordinal));
            Assert.DoesNotContain(result.RootElement.GetProperty("violations").EnumerateArray(), v => v.GetProperty("impact").GetString() is "serious" or "critical");
        }
        finally
        {
            userDataDir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_dashboard_files_are_served_without_a_credential_with_a_policy_that_allows_only_its_own_scripts()
    {
        using var page = await Swarm.Http.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        using var script = await Swarm.Http.GetAsync(new Uri("/dashboard/js/main.js", UriKind.Relative));
        using var bare = await Swarm.Http.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var unknown = await Swarm.Http.GetAsync(new Uri("/dashboard/secrets.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/main.js\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal("/dashboard/", bare.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Contains("index.html", DashboardFiles.Names);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_what_it_may_send()
    {
        using var preflight = Preflight(AllowedOrigin);

        using var response = await Swarm.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        var headers = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("Authorization", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_cors_headers_so_the_browser_refuses()
    {
        using var preflight = Preflight("https://evil.example.com");

        using var response = await Swarm.Http.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task An_allowed_origin_may_read_an_answer_and_its_location_but_still_needs_a_credential()
    {
        using var submit = Swarm.Request(HttpMethod.Post, "/api/v1/tasks", json: """{"prompt":"from another origin"}""");
        submit.Headers.Add("Origin", AllowedOrigin);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tasks", UriKind.Relative));
        anonymous.Headers.Add("Origin", AllowedOrigin);

        using var accepted = await Swarm.Http.SendAsync(submit);
        using var refused = await Swarm.Http.SendAsync(anonymous);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(AllowedOrigin, accepted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Location", accepted.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Without_the_setting_no_origin_gets_cross_origin_access()
    {
        await using var plain = await LocalHostProcess.StartAsync();
        using var preflight = Preflight(AllowedOrigin);
        using var read = plain.Request(HttpMethod.Get, "/api/v1/tasks");
        read.Headers.Add("Origin", AllowedOrigin);

        using var preflightAnswer = await plain.Http.SendAsync(preflight);
        using var readAnswer = await plain.Http.SendAsync(read);

        Assert.False(preflightAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, readAnswer.StatusCode);
        Assert.False(readAnswer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/tasks", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
