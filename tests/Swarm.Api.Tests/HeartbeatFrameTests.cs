using System.Text;
using Swarm.Api.Endpoints.Realtime;
using Swarm.Application.Security;

namespace Swarm.Api.Tests;

public sealed class HeartbeatFrameTests
{
    static ClientFrame Frame(string json) => ClientFrame.Read(ClientFrame.PlainEvent, Encoding.UTF8.GetBytes(json), fromSubprotocolClient: false).Frame!;

    static readonly SwarmPrincipal Agent = new("agent:hb-1", [], new HashSet<string>(), AgentId: "hb-1");
    static readonly SwarmPrincipal Operator = new("ops", ["admin"], new HashSet<string> { Permissions.AgentsWrite });

    [Fact]
    public void An_agents_heartbeat_frame_is_its_own_heartbeat_route_with_the_status_as_its_body()
    {
        var (route, request) = ClientFrameRoutes.RequestFor(Frame("""{"type":"heartbeat","id":1,"data":{"status":"ready"}}"""), Agent, "conn-1", out var problem)!.Value;

        Assert.Null(problem);
        Assert.Same(SwarmRoutes.AgentHeartbeat, route);
        Assert.Equal("/api/v1/agents/hb-1/heartbeat", request.Path);
        Assert.Equal("""{"status":"ready"}""", new StreamReader(request.Body).ReadToEnd());
    }

    [Fact]
    public void A_person_names_the_agent_and_without_one_the_frame_is_refused_naming_the_field()
    {
        var named = ClientFrameRoutes.RequestFor(Frame("""{"type":"heartbeat","data":{"agentId":"hb-2"}}"""), Operator, "conn-2", out _);
        var unnamed = ClientFrameRoutes.RequestFor(Frame("""{"type":"heartbeat"}"""), Operator, "conn-2", out var problem);

        Assert.Equal("/api/v1/agents/hb-2/heartbeat", named!.Value.Request.Path);
        Assert.Null(unnamed);
        Assert.Equal("data.agentId", problem!.Errors![0].Field);
    }
}
