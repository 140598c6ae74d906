using Microsoft.DurableTask.Client;
using Swarm.Workflows.Memory;

namespace Swarm.Api.Endpoints.Memory;

/// <summary><c>DELETE /api/v1/memory/{namespace}/{key}</c>: forgets a value (a durable signal, like writes): <c>202</c>.</summary>
public sealed class DeleteMemoryHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (refusal, memoryNamespace, key) = await MemoryAccess.CheckAsync(request, durable, write: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        await new MemoryClient(durable).RemoveAsync(memoryNamespace, key!, CancellationToken.None);
        return new ApiResponse(202, new MemoryForgetting(memoryNamespace, key!, "forgetting"));
    }
}
