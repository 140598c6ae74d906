using System.Net;

namespace Swarm.LocalHost.Tests;

/// <summary>Per-principal rate limiting on the running host.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_caller_over_its_burst_gets_429_with_retry_after_while_another_caller_is_unaffected()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("security__rateLimit__permitsPerMinute", "6"),
            ("security__rateLimit__burst", "3"));
        const string path = "/api/v1/tasks/task-0123456789abcdef0123456789abcdef";
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, path, role: "viewer"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
        }

        using var other = await host.Http.SendAsync(host.Request(HttpMethod.Get, path, role: "operator"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(limited);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 10);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Repeated_failed_authentication_from_one_address_is_cut_off_with_429()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("security__rateLimit__permitsPerMinute", "6"),
            ("security__rateLimit__burst", "3"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/tasks/task-0123456789abcdef0123456789abcdef", role: null));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
