using Microsoft.Extensions.Logging;
using Swarm.Domain.Learning;
using Swarm.Workflows.Models;

namespace Swarm.Api.Endpoints;

/// <summary>Embedding for the memory and pattern endpoints, which call the model directly (they are not orchestrations).</summary>
static partial class TextVectors
{
    /// <summary>
    /// The text's vector; none when embeddings are off or the model cannot be reached. A vector only sharpens search, so
    /// a memory put is stored and a search (of memory or of tasks) answered by words alone rather than failed because an embedding vendor is down; the
    /// failure is logged by its type only (a vendor's message may echo the text, which may be private).
    /// </summary>
    public static async Task<QuantizedEmbedding?> EmbedOrNothingAsync(IEmbeddingSource embeddings, string text, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await EmbedTextActivity.EmbedAsync(embeddings, text, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEmbeddingFailed(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "The embedding model could not be reached ({ErrorType}); this request goes by words alone")]
    static partial void LogEmbeddingFailed(ILogger logger, string errorType);
}
