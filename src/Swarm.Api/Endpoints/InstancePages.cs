using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints;

/// <summary>
/// What the listings of orchestration instances (tasks, proposals) share: their query parameters (<c>status</c>,
/// <c>pageSize</c>, <c>continuationToken</c>) and reading one page of instances by id prefix.
/// </summary>
static class InstancePages
{
    static readonly string[] Parameters = ["status", "pageSize", "continuationToken"];

    /// <summary>Unknown parameters and a bad page size, as field errors; the page size (50 unless asked) is set when valid.</summary>
    public static List<FieldError> Validate(ApiRequest request, out int pageSize)
    {
        var errors = new List<FieldError>();
        foreach (var unknown in request.Query.Keys.Where(k => !Parameters.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new(unknown, $"is not a parameter of this listing; parameters: {string.Join(", ", Parameters)}."));
        }

        pageSize = 50;
        if (request.Query.GetValueOrDefault("pageSize") is { } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > 200))
        {
            errors.Add(new("pageSize", "must be a whole number from 1 to 200."));
        }

        return errors;
    }

    /// <summary>
    /// One page of the instances whose id starts with <paramref name="prefix"/> (in the store's order), with the token of
    /// the next; or a problem when the request's continuation token names no page.
    /// </summary>
    public static async Task<InstancePage> ReadAsync(
        DurableTaskClient durable, ApiRequest request, string prefix, IReadOnlyList<OrchestrationRuntimeStatus>? statuses, int pageSize, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = statuses,
            PageSize = pageSize,
            ContinuationToken = request.Query.GetValueOrDefault("continuationToken"),
            FetchInputsAndOutputs = true,
        };
        try
        {
            await foreach (var page in durable.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, pageSize).WithCancellation(cancellationToken))
            {
                return new InstancePage(page.Values, page.ContinuationToken, null);
            }
        }
        catch (Exception e) when (query.ContinuationToken is not null && e is not OperationCanceledException)
        {
            // A token this listing did not hand out (or one from an older version) names no page.
            return new InstancePage([], null, ApiResponse.Problem(Problems.Validation([new("continuationToken", "is not a token this listing handed out.")])));
        }

        return new InstancePage([], null, null);
    }
}

/// <summary>A page of orchestration instances and the token of the next, or the problem that the request named no page.</summary>
sealed record InstancePage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken, ApiResponse? Problem);
