using Swarm.Domain.Learning;
using Swarm.Workflows.Models;

namespace Swarm.Api.Endpoints.Memory;

/// <summary>Embedding for the memory endpoints, which call the model directly (they are not orchestrations).</summary>
static class MemoryVectors
{
    /// <summary>
    /// The text's vector; none when embeddings are off or the model cannot be reached. A vector only sharpens search, so
    /// a put is stored and a search answered by words alone rather than failed because an embedding vendor is down.
    /// </summary>
    public static async Task<QuantizedEmbedding?> EmbedOrNothingAsync(IEmbeddingSource embeddings, string text, CancellationToken cancellationToken)
    {
        try
        {
            return await EmbedTextActivity.EmbedAsync(embeddings, text, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
