using System.Globalization;
using Microsoft.DurableTask.Client;
using Swarm.Workflows.Learning;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The system metrics' <c>feedback</c> section: rated tasks, ratings, their mean and how many of each value, over every
/// task's ratings (one entity query).
/// </summary>
public static class FeedbackMetrics
{
    public static async Task<FeedbackFigures> ReadAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var tasks = 0;
        var values = new List<int>();
        await foreach (var (_, ratings) in new FeedbackClient(durable).GetAllAsync(cancellationToken))
        {
            if (ratings.Ratings.Count > 0)
            {
                tasks++;
                values.AddRange(ratings.Ratings.Select(r => r.Value));
            }
        }

        return new FeedbackFigures(
            tasks,
            values.Count,
            values.Count == 0 ? null : values.Average(),
            values.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count()));
    }
}

/// <summary>People's ratings: rated tasks, ratings, their mean (null before the first) and the count of each value.</summary>
public sealed record FeedbackFigures(int RatedTasks, int Ratings, double? MeanRating, IReadOnlyDictionary<string, int> ByValue);
