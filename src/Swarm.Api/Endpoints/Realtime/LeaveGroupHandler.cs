using Microsoft.DurableTask.Client;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>The <c>leave</c> frame: takes the sending connection out of a group (not being in it is no error).</summary>
public sealed class LeaveGroupHandler(IRealtimeChannel channel) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.RouteValues["group"];
        if (RealtimeGroups.Parse(group) is null)
        {
            return ApiResponse.Problem(Problems.Validation([new("data.group", $"'{group}' is not one of the swarm's groups.")]));
        }

        await channel.RemoveConnectionFromGroupAsync(request.Header(ClientFrameRoutes.ConnectionHeader)!, group, cancellationToken);
        return ApiResponse.Ok(new { group, joined = false }) with { AuditDetail = "left " + group };
    }
}
