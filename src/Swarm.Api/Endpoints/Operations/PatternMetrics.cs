using Microsoft.DurableTask.Client;
using Swarm.Workflows.Patterns;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The system metrics' <c>patterns</c> section, over every atlas shard (one entity query): shards, fingerprints (and how
/// many completed, failed and were rated), lessons they hold for future similar tasks, and ratings still waiting for
/// their task's fingerprint.
/// </summary>
public static class PatternMetrics
{
    public static async Task<PatternFigures> ReadAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        int shards = 0, fingerprints = 0, completed = 0, rated = 0, lessons = 0, pendingRatings = 0, largestShard = 0;
        await foreach (var (_, atlas) in new PatternsClient(durable).GetAllAsync(cancellationToken))
        {
            shards++;
            fingerprints += atlas.Fingerprints.Count;
            completed += atlas.Fingerprints.Count(f => f.Succeeded);
            rated += atlas.Fingerprints.Count(f => f.Ratings is { Count: > 0 });
            lessons += atlas.Fingerprints.Count(f => f.Lesson is not null);
            pendingRatings += atlas.PendingRatings.Count;
            largestShard = Math.Max(largestShard, atlas.Fingerprints.Count);
        }

        return new PatternFigures(shards, fingerprints, completed, fingerprints - completed, rated, lessons, pendingRatings, largestShard);
    }
}

/// <summary>Pattern recognition across every atlas shard: shards, fingerprints by outcome and rating, lessons, ratings waiting, the largest shard.</summary>
public sealed record PatternFigures(int Shards, int Fingerprints, int Completed, int Failed, int Rated, int Lessons, int PendingRatings, int LargestShard);
