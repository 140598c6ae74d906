using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Patterns;

/// <summary>What the pattern routes share: the <c>k</c> parameter, and ranking a shard for a caller.</summary>
public static class PatternQueries
{
    public const int DefaultK = 10, MaxK = 50;

    /// <summary>Reads <c>k</c> (1 to 50, default 10), adding an error when it is out of range or not a number.</summary>
    public static int K(ApiRequest request, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.Query.GetValueOrDefault("k") is not { } text)
        {
            return DefaultK;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= MaxK)
        {
            return k;
        }

        errors.Add(new FieldError("k", $"must be a whole number from 1 to {MaxK}."));
        return DefaultK;
    }

    /// <summary>
    /// The shard's tasks most like <paramref name="query"/> (its words, and its vector if it has one), best first, at most
    /// <paramref name="k"/>, of those the caller may read (<see cref="Visibility.ReadScope"/>: its own, those shared with
    /// it, for an agent those it worked on at any step, everyone's with <c>tasks:read:any</c>). The query's own
    /// <see cref="SimilarQuery.Neighbours"/> is not used: the caller's filter runs first, then <paramref name="k"/> are taken.
    /// </summary>
    public static async Task<IReadOnlyList<SimilarTaskView>> RankAsync(TaskAtlas? atlas, SimilarQuery query, int k, Visibility.ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        if (atlas is null)
        {
            return [];
        }

        var items = new List<SimilarTaskView>();
        foreach (var similar in SimilarTasks.Rank(atlas, query with { Neighbours = atlas.Fingerprints.Count }))
        {
            var f = similar.Fingerprint;
            if (items.Count == k)
            {
                break;
            }

            if (await scope.CanReadTaskAsync(f.TaskId, f.SubmittedBy, f.Steps.Select(step => step.AgentId), cancellationToken))
            {
                items.Add(SimilarTaskView.From(similar));
            }
        }

        return items;
    }
}
