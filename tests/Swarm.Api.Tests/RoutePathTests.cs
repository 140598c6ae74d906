using Swarm.Api;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Tests;

/// <summary>Every REST path the swarm writes comes from the route table: handlers build them with it, and a test holds the events' links to it.</summary>
public sealed class RoutePathTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_routes_path_fills_its_template_and_escapes_the_values()
    {
        Assert.Equal("/api/v1/tasks/task-1", SwarmRoutes.GetTask.PathFor(("id", "task-1")));
        Assert.Equal("/api/v1/memory/notes/a%20b", SwarmRoutes.GetMemory.PathFor(("namespace", "notes"), ("key", "a b")));
        Assert.Equal("/api/v1/agents/a1/keys/k1", SwarmRoutes.RevokeApiKey.PathFor(("id", "a1"), ("keyId", "k1")));
    }

    [Fact]
    public void A_path_with_a_part_left_unfilled_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SwarmRoutes.RevokeApiKey.PathFor(("id", "a1")));
    }

    [Fact]
    public void The_links_in_real_time_events_are_the_routes_of_the_route_table()
    {
        static string Link(RealtimeDelivery delivery, string name) => delivery.Data.GetProperty(name).GetString()!;

        Assert.Equal(SwarmRoutes.PostTaskResult.PathFor(("id", "task-1")), Link(RealtimeEvents.Assigned("a1", "task-1", "answer", "p", T0), "resultUrl"));
        Assert.Equal(SwarmRoutes.GetTask.PathFor(("id", "task-1")), Link(RealtimeEvents.Finished("u", "task-1", "completed"), "location"));
        Assert.Equal(SwarmRoutes.GetTask.PathFor(("id", "task-1")), Link(RealtimeEvents.Canceled("a1", "task-1", "answer", "Canceled", "r"), "location"));
        Assert.Equal(SwarmRoutes.PostVote.PathFor(("id", "proposal-1")), Link(RealtimeEvents.Ballot("a1", "proposal-1", 1, "q", ["x", "y"], T0), "voteUrl"));
        Assert.All(RealtimeEvents.TaskState("task-1", Swarm.Domain.Tasks.TaskRunStatus.Running, T0), e => Assert.Equal(SwarmRoutes.GetTask.PathFor(("id", "task-1")), Link(e, "location")));
        Assert.Equal(SwarmRoutes.GetAgent.PathFor(("id", "a1")), Link(RealtimeEvents.AgentLeft("a1", 1, 0, T0), "location"));
        Assert.Equal(SwarmRoutes.GetAgent.PathFor(("id", "a1")), Link(RealtimeEvents.AgentHealth("a1", false, "r", T0), "location"));
        Assert.Equal(SwarmRoutes.GetScaling.PathFor(), Link(RealtimeEvents.Scaling("worker", Swarm.Domain.Autoscaling.ScalingAction.Grow, 1, 2, "r", T0), "location"));
        Assert.Equal(SwarmRoutes.SystemHealth.PathFor(), Link(RealtimeEvents.Health(true, new Dictionary<string, string>(), T0), "location"));
        Assert.Equal(SwarmRoutes.GetProposal.PathFor(("id", "proposal-1")), Link(RealtimeEvents.Cast("proposal-1", 1, "a1", T0), "location"));
        Assert.Equal(SwarmRoutes.GetProposal.PathFor(("id", "proposal-1")), Link(RealtimeEvents.Decided("proposal-1", true, "x", "r", 1, T0), "location"));
    }
}
