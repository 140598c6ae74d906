using Swarm.Api;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// Routes that read durable entities answer through the worker as on the local host: the worker's gRPC durable client
/// reaches the local host's sidecar, which serves the entity calls of the TaskHubSidecarService protocol
/// (<c>EntityServingSidecar</c>) from the same Azure Storage task hub.
/// </summary>
public sealed class EntityReadTests(WorkerBesideLocalHost swarm) : IClassFixture<WorkerBesideLocalHost>
{
    [Fact]
    public async Task The_default_agent_read_through_the_worker_is_the_local_hosts_entity()
    {
        // The local host provisions the default agent when it starts; wait until its entity is there.
        var local = await Polling.UntilAsync(() => swarm.SendToLocalAsync(swarm.Request(HttpMethod.Get, "/api/v1/agents/queen-1", role: "viewer")), a => a.Status == 200);

        var worker = await swarm.InvokeAsync(SwarmRoutes.GetAgent, swarm.Request(HttpMethod.Get, "/api/v1/agents/queen-1", role: "viewer"));

        Assert.True(worker.Status == 200, $"worker: {worker}{Environment.NewLine}{swarm.Worker.Output}");
        Assert.Equal("queen-1", worker.Json()!.Value.GetProperty("id").GetString());
        Assert.Equal(local.Body, worker.Body);
    }

    [Fact]
    public async Task An_agent_that_does_not_exist_is_the_same_404_through_the_worker()
    {
        var local = await swarm.SendToLocalAsync(swarm.Request(HttpMethod.Get, "/api/v1/agents/nobody", role: "viewer"));
        var worker = await swarm.InvokeAsync(SwarmRoutes.GetAgent, swarm.Request(HttpMethod.Get, "/api/v1/agents/nobody", role: "viewer"));

        Assert.Equal(404, local.Status);
        Assert.True(local.Status == worker.Status && local.Body == worker.Body, $"local: {local}{Environment.NewLine}worker: {worker}");
    }
}
