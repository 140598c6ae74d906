using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Workflows.Agents;

namespace Swarm.Application.Schedules;

/// <summary>
/// Makes sure the default agent (a queen, from <c>defaultAgent</c>) exists: at start and then hourly, in case it
/// was lost. Every instance of the swarm asks for the same orchestration instance id, and the roster admits the id
/// once, so two instances starting together still create exactly one.
/// </summary>
public sealed partial class DefaultAgentJob(SwarmSettings settings, ILogger<DefaultAgentJob> logger) : IPeriodicJob
{
    public string Name => "DefaultAgent";

    public string ScheduleSetting => PeriodicSchedules.DefaultAgentSetting;

    public bool RunsAtStartup => true;

    public string InstanceId => "provision-agent-" + settings.DefaultAgent.Id;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var profile = settings.DefaultAgent.ToProfile();
        var existing = await durable.GetInstanceAsync(InstanceId, cancellationToken);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending })
        {
            return;
        }

        // Each run provisions again: that creates the queen if it is missing (or was retired), and otherwise brings its
        // profile and its row in the listing up to date with the settings. The roster keeps it single either way.
        var provisioning = new AgentProvisioning(profile, settings.System.MaxAgents, UpdateExisting: true, Notify: settings.Realtime.Active, DispatchShards: settings.Dispatch.Shards);
        await new AgentClient(durable).ProvisionOnceAsync(provisioning, InstanceId, cancellationToken);
        LogProvisioning(logger, settings.DefaultAgent.Id);
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Provisioning the default agent {AgentId}")]
    static partial void LogProvisioning(ILogger logger, string agentId);
}
