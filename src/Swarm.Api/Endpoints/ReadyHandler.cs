using Microsoft.DurableTask.Client;
using Swarm.Application.Health;

namespace Swarm.Api.Endpoints;

/// <summary><c>GET /ready</c>: 200 once storage and the durable runtime answer and the worker runs, 503 with the failing checks otherwise.</summary>
public sealed class ReadyHandler(ReadinessProbe probe) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(durable, cancellationToken);
        var body = new ReadinessView(report.Ready ? "ready" : "not-ready", report.Checks, report.CheckedAt);
        return new ApiResponse(report.Ready ? 200 : 503, body);
    }
}
