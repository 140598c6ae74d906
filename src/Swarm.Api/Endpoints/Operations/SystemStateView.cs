using Swarm.Api.Endpoints.Scaling;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Agents;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>The answer of <c>GET /api/v1/system/state</c> (see <see cref="SystemStateHandler"/>).</summary>
public sealed record SystemStateView(
    SystemSummary System,
    AgentCounts Agents,
    TaskQueueView Queue,
    ScalingView Scaling,
    RealtimeStatus Realtime,
    LearningStatus Learning,
    PresenceSummary Presence,
    HealthProbeView LastHealthProbe,
    InstanceSnapshot Instance,
    DispatchStatus Dispatch);
