using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows;

/// <summary>
/// Every durable type the swarm runs, in one list. The local host registers from it, and a test checks the
/// Functions app declares a trigger wrapper for each, so the two hosts cannot drift apart.
/// Orchestrators and activities are named by their class name; entities by their <c>EntityName</c>.
/// </summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(TaskRunOrchestrator), typeof(AgentTurnOrchestrator), typeof(AgentSlotReleaseOrchestrator), typeof(ProvisionAgentOrchestrator), typeof(RetireAgentOrchestrator), typeof(ScalePoolOrchestrator), typeof(SeatOfferOrchestrator), typeof(AgentLeftNoticeOrchestrator), typeof(AgentHealthNoticeOrchestrator), typeof(Consensus.ConsensusRoundOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } = [typeof(InvokeAgentActivity), typeof(RecordAgentActivity), typeof(Tasks.Index.RecordTaskActivity), typeof(Tasks.Index.RecordTaskChangeActivity), typeof(RevokeAgentKeysActivity), typeof(PlanTaskActivity), typeof(Consensus.CastBallotActivity), typeof(Consensus.RecordRoundActivity), typeof(Realtime.PublishRealtimeActivity), typeof(Realtime.PublishRealtimeNoticesActivity), typeof(Tools.CallServerToolActivity), typeof(Tools.RecordToolCallsActivity), typeof(Memory.SealMemoryValueActivity), typeof(Memory.OpenMemoryValuesActivity), typeof(Models.EmbedTextActivity)];

    public static IReadOnlyDictionary<string, Type> Entities { get; } = new Dictionary<string, Type>
    {
        [AgentEntity.EntityName] = typeof(AgentEntity),
        [AgentRosterEntity.EntityName] = typeof(AgentRosterEntity),
        [AgentPresenceEntity.EntityName] = typeof(AgentPresenceEntity),
        [PoolLockEntity.EntityName] = typeof(PoolLockEntity),
        [Memory.MemoryEntity.EntityName] = typeof(Memory.MemoryEntity),
        [DispatcherEntity.EntityName] = typeof(DispatcherEntity),
        [Autoscaling.AutoscalerEntity.EntityName] = typeof(Autoscaling.AutoscalerEntity),
        [Patterns.TaskAtlasEntity.EntityName] = typeof(Patterns.TaskAtlasEntity),
        [Learning.TaskRatingsEntity.EntityName] = typeof(Learning.TaskRatingsEntity),
        [Visibility.ReaderSharesEntity.EntityName] = typeof(Visibility.ReaderSharesEntity),
    };
}
