using Microsoft.DurableTask;
using Swarm.Domain.Distribution;

namespace Swarm.Workflows.Distribution;

/// <summary>Delivers a seat the dispatcher granted to a waiting step, as an event on the step's task.</summary>
public sealed class SeatOfferOrchestrator : TaskOrchestrator<SeatGrant, bool>
{
    /// <summary>The event a step waits for; one name per request, so a late offer can never be taken by a later request.</summary>
    public static string EventName(string seatKey) => "seat:" + seatKey;

    public override Task<bool> RunAsync(TaskOrchestrationContext context, SeatGrant input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.SendEvent(input.TaskId, EventName(input.SeatKey), input);
        return Task.FromResult(true);
    }
}
