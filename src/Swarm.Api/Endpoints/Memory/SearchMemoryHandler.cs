using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Memory;
using Swarm.Domain.Memory;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Models;

namespace Swarm.Api.Endpoints.Memory;

/// <summary>
/// <c>GET /api/v1/memory/{namespace}/search?q=…&amp;k=…</c>: the namespace's entries that best match <c>q</c>, best first,
/// at most <c>k</c> (1 to 50, default 10), each with its score and value (opened if sealed), by the same ranking the
/// agents' <c>memory_search</c> tool uses. With embeddings on, the query is embedded here and joins the words half and
/// half for entries that carry a vector of the same model. Who may search is who may read (<see cref="MemoryAccess"/>).
/// </summary>
public sealed class SearchMemoryHandler(MemorySealer sealer, IEmbeddingSource embeddings, ILogger<SearchMemoryHandler> logger) : IApiHandler
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>A query longer than this says nothing more about what to find; it only costs more to score.</summary>
    public const int MaxQueryLength = 2_000;

    static readonly string[] Known = ["q", "k"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (refusal, memoryNamespace, _) = await MemoryAccess.CheckAsync(request, durable, write: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (query, limit, errors) = Parse(request.Query);
        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var shelf = await new MemoryClient(durable).GetAsync(memoryNamespace, cancellationToken);
        var vector = shelf is null || !shelf.Entries.Values.Any(e => e.Embedding is not null)
            ? null
            : await TextVectors.EmbedOrNothingAsync(embeddings, query, logger, cancellationToken);
        var hits = (shelf ?? new MemoryShelf()).Search(query, limit, vector);
        return ApiResponse.Ok(new MemorySearchResults(
            memoryNamespace,
            query,
            [.. hits.Select(h => new MemorySearchHit(h.Key, Math.Round(h.Score, 4), sealer.Open(memoryNamespace, h.Key, h.Entry), h.Entry.UpdatedAt, h.Entry.UpdatedBy))]));
    }

    static (string Query, int Limit, List<FieldError> Errors) Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var errors = new List<FieldError>();
        foreach (var name in parameters.Keys.Where(k => !Known.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new FieldError(name.Length > 64 ? name[..64] + "..." : name, $"is not a parameter of this endpoint; use {string.Join(", ", Known)}."));
        }

        var query = parameters.GetValueOrDefault("q")?.Trim() ?? "";
        if (query.Length is 0 or > MaxQueryLength)
        {
            errors.Add(new FieldError("q", $"is required: the words to look for, at most {MaxQueryLength} characters."));
        }

        var limit = DefaultLimit;
        if (parameters.TryGetValue("k", out var k)
            && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add(new FieldError("k", $"must be a whole number from 1 to {MaxLimit}."));
        }

        return (query, limit, errors);
    }
}
