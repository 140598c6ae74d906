using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.DurableTask.Converters;

namespace Swarm.LocalHost.Tests;

/// <summary>Signals an entity straight through the durable backend, as a second client would: how a test plays a task that holds a slot.</summary>
static class EntitySignals
{
    public static async Task SignalAsync(LocalHostProcess host, string entity, string key, string operation, object? input)
    {
        using var backend = DurableHistories.Backend(host);
        var target = new OrchestrationInstance { InstanceId = new EntityId(entity, key).ToString() };
        var message = ClientEntityHelpers.EmitOperationSignal(target, Guid.NewGuid(), operation, JsonDataConverter.Default.Serialize(input), null);
        await backend.SendTaskOrchestrationMessageAsync(message.AsTaskMessage());
    }
}
