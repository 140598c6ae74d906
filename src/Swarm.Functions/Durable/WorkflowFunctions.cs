using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Consensus;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Models;
using Swarm.Workflows.Tasks;
using Swarm.Workflows.Tasks.Index;
using Swarm.Workflows.Tools;

namespace Swarm.Functions.Durable;

/// <summary>
/// Trigger wrappers for the class-based workflows in Swarm.Workflows: what Microsoft.DurableTask.Generators would
/// emit, written by hand because that package is not available to this build. Each wrapper only binds the
/// trigger and delegates to the same class the local host and the tests run. A test compares this app's
/// functions.metadata with <see cref="Swarm.Workflows.WorkflowCatalog"/>, so a missing wrapper fails the build's tests.
/// </summary>
public static class WorkflowFunctions
{
    [Function(nameof(TaskRunOrchestrator))]
    public static Task<TaskRunResult> RunTask([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TaskRunOrchestrator().RunAsync(context, context.GetInput<TaskRunInput>()!);
    }

    [Function(nameof(AgentTurnOrchestrator))]
    public static Task<AgentAnswer> RunAgentTurn([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AgentTurnOrchestrator().RunAsync(context, context.GetInput<AgentTurn>()!);
    }

    [Function(nameof(AgentSlotReleaseOrchestrator))]
    public static Task<bool> ReleaseAgentSlot([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AgentSlotReleaseOrchestrator().RunAsync(context, context.GetInput<AgentSlotRelease>()!);
    }

    [Function(nameof(ProvisionAgentOrchestrator))]
    public static Task<RosterJoin> ProvisionAgent([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ProvisionAgentOrchestrator().RunAsync(context, context.GetInput<AgentProvisioning>()!);
    }

    [Function(nameof(RetireAgentOrchestrator))]
    public static Task<bool> RetireAgent([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RetireAgentOrchestrator().RunAsync(context, context.GetInput<AgentRetirement>()!);
    }

    [Function(nameof(ScalePoolOrchestrator))]
    public static Task<PoolScaleResult> ScalePool([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ScalePoolOrchestrator().RunAsync(context, context.GetInput<PoolScaling>()!);
    }

    [Function(nameof(SeatOfferOrchestrator))]
    public static Task<bool> OfferSeat([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SeatOfferOrchestrator().RunAsync(context, context.GetInput<Domain.Distribution.SeatGrant>()!);
    }

    [Function(nameof(AgentLeftNoticeOrchestrator))]
    public static Task<bool> NoticeAgentLeft([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AgentLeftNoticeOrchestrator().RunAsync(context, context.GetInput<Domain.Distribution.AgentDeparture>()!);
    }

    [Function(nameof(ConsensusRoundOrchestrator))]
    public static Task<ProposalResult> RunConsensusRound([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ConsensusRoundOrchestrator().RunAsync(context, context.GetInput<ProposalInput>()!);
    }

    [Function(nameof(CastBallotActivity))]
    public static Task<BallotReply> CastBallot([ActivityTrigger] BallotRequest input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<CastBallotActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(CastBallotActivity), instanceId), input);
    }

    [Function(nameof(RecordRoundActivity))]
    public static Task<bool> RecordRound([ActivityTrigger] RoundAudit input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<RecordRoundActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(RecordRoundActivity), instanceId), input);
    }

    [Function(nameof(PublishRealtimeActivity))]
    public static Task<bool> PublishRealtime([ActivityTrigger] RealtimeDelivery input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<PublishRealtimeActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(PublishRealtimeActivity), instanceId), input);
    }

    [Function(nameof(AgentHealthNoticeOrchestrator))]
    public static Task<bool> SendAgentHealthNotice([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AgentHealthNoticeOrchestrator().RunAsync(context, context.GetInput<RealtimeDelivery>()!);
    }

    [Function(nameof(PublishRealtimeNoticesActivity))]
    public static Task<int> PublishRealtimeNotices([ActivityTrigger] IReadOnlyList<RealtimeDelivery> input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<PublishRealtimeNoticesActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(PublishRealtimeNoticesActivity), instanceId), input);
    }

    [Function(nameof(RecordAgentActivity))]
    public static Task<bool> RecordAgent([ActivityTrigger] AgentSnapshot input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<RecordAgentActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(RecordAgentActivity), instanceId), input);
    }

    [Function(nameof(RecordTaskActivity))]
    public static Task<bool> RecordTask([ActivityTrigger] TaskIndexEntry input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<RecordTaskActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(RecordTaskActivity), instanceId), input);
    }

    [Function(nameof(RecordTaskChangeActivity))]
    public static Task<int> RecordTaskChange([ActivityTrigger] TaskChange input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<RecordTaskChangeActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(RecordTaskChangeActivity), instanceId), input);
    }

    [Function(nameof(RevokeAgentKeysActivity))]
    public static Task<int> RevokeAgentKeys([ActivityTrigger] string input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<RevokeAgentKeysActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(RevokeAgentKeysActivity), instanceId), input);
    }

    [Function(nameof(InvokeAgentActivity))]
    public static Task<AgentReply> InvokeAgent([ActivityTrigger] AgentTurn input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<InvokeAgentActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(InvokeAgentActivity), instanceId), input);
    }

    [Function(nameof(PlanTaskActivity))]
    public static Task<PlannedWork> PlanTask([ActivityTrigger] PlanRequest input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<PlanTaskActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(PlanTaskActivity), instanceId), input);
    }

    [Function(nameof(CallServerToolActivity))]
    public static Task<ToolResult> CallServerTool([ActivityTrigger] ServerToolCall input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<CallServerToolActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(CallServerToolActivity), instanceId), input);
    }

    [Function(nameof(RecordToolCallsActivity))]
    public static Task<bool> RecordToolCalls([ActivityTrigger] ToolCallAudit input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<RecordToolCallsActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(RecordToolCallsActivity), instanceId), input);
    }

    [Function(nameof(SealMemoryValueActivity))]
    public static Task<Domain.Memory.MemoryEntry> SealMemoryValue([ActivityTrigger] MemoryValueToSeal input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<SealMemoryValueActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(SealMemoryValueActivity), instanceId), input);
    }

    [Function(nameof(OpenMemoryValuesActivity))]
    public static Task<IReadOnlyList<string>> OpenMemoryValues([ActivityTrigger] SealedMemoryValues input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<OpenMemoryValuesActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(OpenMemoryValuesActivity), instanceId), input);
    }

    [Function(nameof(EmbedTextActivity))]
    public static Task<Domain.Learning.QuantizedEmbedding?> EmbedText([ActivityTrigger] TextToEmbed input, string instanceId, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<EmbedTextActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(nameof(EmbedTextActivity), instanceId), input);
    }

    /// <summary>The function name is the entity name, which the runtime keeps lowercase.</summary>
    [Function(AgentEntity.EntityName)]
    public static Task Agent([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<AgentEntity>();
    }

    [Function(AgentRosterEntity.EntityName)]
    public static Task AgentRoster([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<AgentRosterEntity>();
    }

    [Function(AgentPresenceEntity.EntityName)]
    public static Task AgentPresence([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<AgentPresenceEntity>();
    }

    [Function(Workflows.Learning.TaskRatingsEntity.EntityName)]
    public static Task TaskRatings([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<Workflows.Learning.TaskRatingsEntity>();
    }

    [Function(Workflows.Visibility.ReaderSharesEntity.EntityName)]
    public static Task ReaderShares([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<Workflows.Visibility.ReaderSharesEntity>();
    }

    [Function(Workflows.Memory.MemoryEntity.EntityName)]
    public static Task Memory([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<Workflows.Memory.MemoryEntity>();
    }

    [Function(DispatcherEntity.EntityName)]
    public static Task Dispatcher([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<DispatcherEntity>();
    }

    [Function(Workflows.Autoscaling.AutoscalerEntity.EntityName)]
    public static Task Autoscaler([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<Workflows.Autoscaling.AutoscalerEntity>();
    }

    [Function(PoolLockEntity.EntityName)]
    public static Task PoolLock([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<PoolLockEntity>();
    }

    [Function(Workflows.Patterns.TaskAtlasEntity.EntityName)]
    public static Task TaskAtlas([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<Workflows.Patterns.TaskAtlasEntity>();
    }
}
