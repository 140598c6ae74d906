using Microsoft.DurableTask.Client;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>The <c>join</c> frame: puts the sending connection in a group the caller may read (<see cref="GroupMembership"/>).</summary>
public sealed class JoinGroupHandler(IRealtimeChannel channel) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.RouteValues["group"];
        if (await GroupMembership.RefusalAsync(request, group, durable, cancellationToken) is { } refusal)
        {
            return ApiResponse.Problem(refusal);
        }

        await channel.AddConnectionToGroupAsync(request.Header(ClientFrameRoutes.ConnectionHeader)!, group, cancellationToken);
        return ApiResponse.Ok(new { group, joined = true }) with { AuditDetail = "joined " + group };
    }
}
