using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// What every InvocationRequest the host sends has, whatever the trigger: the trigger's value under its binding's name,
/// each <c>[DurableClient]</c> binding's input, and the <c>sys</c> binding data. The trigger-specific builders
/// (<see cref="HttpInvocation"/>, <see cref="TimerInvocation"/>, <see cref="DurableInvocation"/>) add the rest.
/// </summary>
static class InvocationRequests
{
    /// <summary>The function's binding of <paramref name="type"/> (e.g. <c>httpTrigger</c>), as its metadata holds it.</summary>
    public static JsonElement Binding(RpcFunctionMetadata function, string type) =>
        function.RawBindings.Select(b => JsonDocument.Parse(b).RootElement).Single(b => b.GetProperty("type").GetString() == type);

    /// <param name="durable">The durable extension's endpoint and task hub for the function's <c>[DurableClient]</c> bindings; null to send none.</param>
    /// <param name="utcNow">The <c>sys</c> binding data's time.</param>
    public static InvocationRequest For(RpcFunctionMetadata function, string triggerType, TypedData trigger, (Uri Endpoint, string TaskHub)? durable, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(function);
        var invocation = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            InputData = { new ParameterBinding { Name = Binding(function, triggerType).GetProperty("name").GetString(), Data = trigger } },
            TraceContext = new RpcTraceContext(),
        };
        if (durable is var (endpoint, taskHub))
        {
            foreach (var client in function.RawBindings.Select(b => JsonDocument.Parse(b).RootElement).Where(b => b.GetProperty("type").GetString() == "durableClient"))
            {
                invocation.InputData.Add(new ParameterBinding { Name = client.GetProperty("name").GetString(), Data = new TypedData { String = HttpInvocation.DurableClientInput(endpoint, taskHub) } });
            }
        }

        invocation.TriggerMetadata["sys"] = new TypedData
        {
            Json = JsonSerializer.Serialize(new { MethodName = function.Name, UtcNow = utcNow, RandGuid = Guid.NewGuid() }),
        };
        return invocation;
    }
}
