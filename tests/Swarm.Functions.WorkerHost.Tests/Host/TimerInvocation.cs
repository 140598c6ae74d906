using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// The InvocationRequest the Functions host sends when a timer fires: the timer's <c>TimerInfo</c> as JSON under the
/// trigger binding's name (the WebJobs timer extension's serialisation: the schedule, its status with the last and next
/// occurrences, and whether the run is past due), the durable client binding's input, and the binding data.
/// </summary>
static class TimerInvocation
{
    public static InvocationRequest Build(RpcFunctionMetadata function, (Uri Endpoint, string TaskHub) durable, DateTime firedAt)
    {
        var bindings = function.RawBindings.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString() == "timerTrigger");
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = firedAt.AddMinutes(-1), Next = firedAt.AddMinutes(1), LastUpdated = firedAt },
            IsPastDue = false,
        });
        var invocation = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            InputData = { new ParameterBinding { Name = trigger.GetProperty("name").GetString(), Data = new TypedData { Json = timerInfo } } },
            TraceContext = new RpcTraceContext(),
        };
        foreach (var client in bindings.Where(b => b.GetProperty("type").GetString() == "durableClient"))
        {
            invocation.InputData.Add(new ParameterBinding { Name = client.GetProperty("name").GetString(), Data = new TypedData { String = HttpInvocation.DurableClientInput(durable.Endpoint, durable.TaskHub) } });
        }

        invocation.TriggerMetadata["sys"] = new TypedData
        {
            Json = JsonSerializer.Serialize(new { MethodName = function.Name, UtcNow = firedAt, RandGuid = Guid.NewGuid() }),
        };
        return invocation;
    }
}
