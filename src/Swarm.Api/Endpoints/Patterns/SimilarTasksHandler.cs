using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Configuration;
using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Patterns;

namespace Swarm.Api.Endpoints.Patterns;

/// <summary>
/// <c>GET /api/v1/tasks/{id}/similar?k=10</c>: the finished tasks of the same capability key most like this one, by
/// the task's own fingerprint, words and vector (so 404 until the task has finished and its fingerprint reached the atlas). The caller
/// sees the task only if it may read it, and of its neighbours only those it may read too.
/// </summary>
public sealed class SimilarTasksHandler(SwarmSettings settings) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var errors = new List<FieldError>();
        var k = PatternQueries.K(request, errors);
        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var scope = Visibility.ReadScope.Of(request, durable);
        if (await TaskLookup.FindAsync(request, durable, scope, cancellationToken) is not { } found)
        {
            return TaskLookup.NotFound(request);
        }

        var key = CapabilityKey.Of(found.View.Capabilities);
        var atlas = await new PatternsClient(durable).GetAsync(key, cancellationToken);
        if (atlas?.Find(found.View.Id) is not { } fingerprint)
        {
            return ApiResponse.Problem(Problems.NotFound(
                $"Task '{found.View.Id}' has no fingerprint yet: a task leaves one when it finishes, if pattern recognition (learning:patterns:enabled) was on when it was submitted."));
        }

        var query = new SimilarQuery(fingerprint.Terms, 0, settings.Learning.Patterns.MinSimilarity, fingerprint.TaskId, fingerprint.Embedding);
        var items = await PatternQueries.RankAsync(atlas, query, k, scope, cancellationToken);
        return ApiResponse.Ok(new SimilarTaskList(fingerprint.TaskId, key, items));
    }
}
