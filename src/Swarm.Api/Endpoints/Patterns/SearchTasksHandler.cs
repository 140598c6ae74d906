using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Models;
using Swarm.Workflows.Patterns;

namespace Swarm.Api.Endpoints.Patterns;

/// <summary>
/// <c>GET /api/v1/patterns/tasks?q=...&amp;capabilities=a,b&amp;k=10</c>: free-text search over the finished tasks of
/// one capability key (<c>general</c> when none is given), ranked as recall ranks them. A path of its own, so it cannot
/// collide with <c>/api/v1/tasks/{id}</c>. The caller sees only tasks it may read. When the shard holds fingerprints with
/// vectors, the query is embedded too (as memory search does), so those are found by meaning as well as words.
/// </summary>
public sealed class SearchTasksHandler(SwarmSettings settings, IEmbeddingSource embeddings, ILogger<SearchTasksHandler> logger) : IApiHandler
{
    /// <summary>The longest query: enough for a task prompt's gist, bounded so one request costs little.</summary>
    public const int MaxQueryLength = 2_000;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var errors = new List<FieldError>();
        var k = PatternQueries.K(request, errors);
        var query = request.Query.GetValueOrDefault("q");
        var terms = PromptTerms.From(query);
        if (query is not { Length: > 0 and <= MaxQueryLength })
        {
            errors.Add(new FieldError("q", $"is required: 1 to {MaxQueryLength} characters."));
        }
        else if (terms.IsEmpty)
        {
            errors.Add(new FieldError("q", "has no words to search by (words of two or more letters or digits that are not stop words such as 'the' or 'which')."));
        }

        var capabilities = (request.Query.GetValueOrDefault("capabilities") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The same rule as a task's capabilities, so any task's shard can be searched.
        if (capabilities.Length > 16 || capabilities.Any(c => c.Length > 64))
        {
            errors.Add(new FieldError("capabilities", "must be at most 16 names, separated by commas, each 1 to 64 characters."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var key = CapabilityKey.Of(capabilities);
        var atlas = await new PatternsClient(durable).GetAsync(key, cancellationToken);
        var vector = atlas is null || !atlas.Fingerprints.Any(f => f.Embedding is not null)
            ? null
            : await TextVectors.EmbedOrNothingAsync(embeddings, query!, logger, cancellationToken);
        var items = await PatternQueries.RankAsync(atlas, new SimilarQuery(terms, 0, settings.Learning.Patterns.MinSimilarity, Embedding: vector), k, Visibility.ReadScope.Of(request, durable), cancellationToken);
        return ApiResponse.Ok(new TaskSearchResults(key, items));
    }
}
