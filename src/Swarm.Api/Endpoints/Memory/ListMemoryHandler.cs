using Microsoft.DurableTask.Client;
using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;

namespace Swarm.Api.Endpoints.Memory;

/// <summary><c>GET /api/v1/memory/{namespace}</c>: the namespace's keys with when and by whom each was last written (no values).</summary>
public sealed class ListMemoryHandler : IApiHandler
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
        var keys = (shelf?.Entries ?? new Dictionary<string, MemoryEntry>())
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new MemoryKeyView(e.Key, e.Value.UpdatedAt, e.Value.UpdatedBy))
            .ToList();
        return ApiResponse.Ok(new MemoryKeys(memoryNamespace, keys));
    }
}
