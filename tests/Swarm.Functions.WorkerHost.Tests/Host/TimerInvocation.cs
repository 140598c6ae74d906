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
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = firedAt.AddMinutes(-1), Next = firedAt.AddMinutes(1), LastUpdated = firedAt },
            IsPastDue = false,
        });
        return InvocationRequests.For(function, "timerTrigger", new TypedData { Json = timerInfo }, durable, firedAt);
    }
}
