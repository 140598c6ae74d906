using Swarm.Api;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>A worker and a local host whose callers may make 3 requests at once and 6 a minute.</summary>
public sealed class RateLimitedPair() : WorkerBesideLocalHost(("security__rateLimit__permitsPerMinute", "6"), ("security__rateLimit__burst", "3"));

/// <summary>
/// Rate limits hold in the worker as on the local host. They are per process (each instance counts its own callers),
/// so the worker itself is driven past its limit and its refusals are compared with the local host's for the same
/// caller driven past the same limit.
/// </summary>
public sealed class RateLimitParityTests(RateLimitedPair swarm) : IClassFixture<RateLimitedPair>
{
    const string TaskPath = "/api/v1/tasks/task-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_caller_over_its_burst_gets_the_same_429_from_the_worker()
    {
        var token = swarm.Local.TokenFor("busy-caller", "viewer");
        HttpRequestMessage Request()
        {
            var request = swarm.Request(HttpMethod.Get, TaskPath, role: null);
            request.Headers.Authorization = new("Bearer", token);
            return request;
        }

        var local = new List<RouteAnswer>();
        var worker = new List<RouteAnswer>();
        for (var i = 0; i < 5; i++)
        {
            local.Add(await swarm.SendToLocalAsync(Request()));
            worker.Add(await swarm.InvokeAsync(SwarmRoutes.GetTask, Request()));
        }

        Assert.Equal([404, 404, 404, 429, 429], local.Select(a => a.Status));
        Assert.Equal(local.Select(a => a.Status), worker.Select(a => a.Status));
        // Retry-After counts the seconds to the next permit from each process's own clock.
        RouteParityTests.AssertSame(Parity.Shape, local[3], worker[3], $"local host: {local[3]}{Environment.NewLine}worker: {worker[3]}", serverMadeHeaders: ["retry-after"]);
        Assert.Equal(local[3].Json()!.Value.GetProperty("type").GetString(), worker[3].Json()!.Value.GetProperty("type").GetString());
        Assert.InRange(int.Parse(worker[3].Headers["retry-after"], System.Globalization.CultureInfo.InvariantCulture), 1, 10);
    }

    [Fact]
    public async Task Repeated_failed_authentication_from_one_address_is_cut_off_by_the_worker_as_by_the_local_host()
    {
        HttpRequestMessage Request(bool throughThePlatform)
        {
            var request = swarm.Request(HttpMethod.Get, TaskPath, role: null);
            request.Headers.Authorization = new("Bearer", "not-a-jwt");
            if (throughThePlatform)
            {
                // The platform's front end names the client's address; the local host reads it from the connection.
                request.Headers.Add("X-Forwarded-For", "198.51.100.23");
            }

            return request;
        }

        var local = new List<int>();
        var worker = new List<RouteAnswer>();
        for (var i = 0; i < 5; i++)
        {
            local.Add((await swarm.SendToLocalAsync(Request(throughThePlatform: false))).Status);
            worker.Add(await swarm.InvokeAsync(SwarmRoutes.GetTask, Request(throughThePlatform: true)));
        }

        Assert.Equal([401, 401, 401, 429, 429], local);
        Assert.Equal(local, worker.Select(a => a.Status));
    }
}
