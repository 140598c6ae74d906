using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Application.Memory;
using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Models;

namespace Swarm.Api.Endpoints.Memory;

/// <summary>
/// <c>PUT /api/v1/memory/{namespace}/{key}</c>: stores a value (sealed first when encryption at rest is on). The write is
/// a durable signal to the namespace's entity: <c>202</c>, visible to reads once the entity has applied it (normally
/// well under a second). With <c>learning:embeddings</c> on, a plain value is embedded first, so search finds it by
/// meaning too; a sealed value never is (its vector would leak it).
/// </summary>
public sealed class PutMemoryHandler(SwarmSettings settings, MemorySealer sealer, IEmbeddingSource embeddings, ILogger<PutMemoryHandler> logger, TimeProvider time) : IApiHandler
{
    /// <summary>The key <c>GET …/{namespace}/search</c> would hide from reads, so the API does not write it.</summary>
    public const string ReservedKey = "search";

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (refusal, memoryNamespace, key) = await MemoryAccess.CheckAsync(request, durable, write: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = await ApiJson.ReadBodyAsync<MemoryValueBody>(request, settings.Api.MaxRequestBytes, cancellationToken);
        if (body.Value is null || body.Value.Length > MemoryShelf.MaxValueLength)
        {
            return ApiResponse.Problem(Problems.Validation([new("value", $"is required and at most {MemoryShelf.MaxValueLength} characters.")]));
        }

        if (key == ReservedKey)
        {
            return ApiResponse.Problem(Problems.Validation([new("key", $"'{ReservedKey}' names the namespace's search (GET {SwarmRoutes.SearchMemory.Template}), so it cannot be read back by key; choose another key.")]));
        }

        var (value, sealedValue) = sealer.Seal(memoryNamespace, key!, body.Value);
        var vector = sealedValue ? null : await TextVectors.EmbedOrNothingAsync(embeddings, body.Value, logger, cancellationToken);
        var entry = new MemoryEntry(value, time.GetUtcNow(), request.Principal!.Subject, sealedValue, vector);
        await new MemoryClient(durable).PutAsync(memoryNamespace, new MemoryWrite(key!, entry), CancellationToken.None);
        var location = SwarmRoutes.GetMemory.PathFor(("namespace", memoryNamespace), ("key", key!));
        return ApiResponse.Accepted(new MemoryStored(memoryNamespace, key!, location), location);
    }
}
