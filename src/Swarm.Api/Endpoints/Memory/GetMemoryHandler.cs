using Microsoft.DurableTask.Client;
using Swarm.Application.Memory;
using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;

namespace Swarm.Api.Endpoints.Memory;

/// <summary><c>GET /api/v1/memory/{namespace}/{key}</c>: one value, opened if it was sealed.</summary>
public sealed class GetMemoryHandler(MemorySealer sealer) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (refusal, memoryNamespace, key) = await MemoryAccess.CheckAsync(request, durable, write: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var shelf = await new MemoryClient(durable).GetAsync(memoryNamespace, cancellationToken);
        return shelf?.Entries.GetValueOrDefault(key!) is { } entry
            ? ApiResponse.Ok(new MemoryEntryView(memoryNamespace, key!, sealer.Open(memoryNamespace, key!, entry), entry.UpdatedAt, entry.UpdatedBy))
            : ApiResponse.Problem(Problems.NotFound($"Memory '{memoryNamespace}' has no key '{key}'."));
    }
}
