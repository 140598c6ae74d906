using System.Collections.Concurrent;
using DurableTask.Core;

namespace Swarm.Benchmarks.Baseline;

/// <summary>
/// Starts plain orchestrations from concurrent clients and follows each to its end by reading its status, as
/// <see cref="Load.TaskBatch"/> does for the swarm's tasks: rounds over the oldest unfinished instances, a few per
/// client, with the same pause between rounds.
/// </summary>
sealed class PlainTaskBatch(TaskHubClient client, int clients, TimeSpan pollPause)
{
    const int WindowPerClient = 2;

    public async Task<PlainBatchResult> RunAsync(int count, string inputPrefix, CancellationToken deadline)
    {
        var started = new ConcurrentQueue<(int Index, OrchestrationInstance Instance)>();
        var firstSubmitAt = DateTimeOffset.UtcNow;
        var next = -1;
        var submitting = Task.WhenAll(Enumerable.Range(0, Math.Min(clients, count)).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && !deadline.IsCancellationRequested)
            {
                var instance = await client.CreateOrchestrationInstanceAsync(typeof(PlainOrchestration), $"{inputPrefix} {index}");
                started.Enqueue((index, instance));
            }
        }));

        var pending = new List<(int Index, OrchestrationInstance Instance)>();
        var completed = new List<(string Id, DateTimeOffset At)>();
        var (failed, polls, cursor) = (0, 0, 0);
        var window = Math.Max(1, clients * WindowPerClient);
        while (!deadline.IsCancellationRequested)
        {
            while (started.TryDequeue(out var instance))
            {
                pending.Add(instance);
            }

            pending.Sort((a, b) => a.Index.CompareTo(b.Index));
            if (pending.Count == 0 && submitting.IsCompleted)
            {
                break;
            }

            cursor = cursor >= pending.Count ? 0 : cursor;
            var round = pending.Skip(cursor).Take(window).ToList();
            var states = new ConcurrentDictionary<int, OrchestrationState?>();
            await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = deadline }, async (item, _) =>
                states[item.Index] = await client.GetOrchestrationStateAsync(item.Instance));
            polls += round.Count;
            var done = round.Where(i => states.GetValueOrDefault(i.Index) is { } s && IsFinished(s.OrchestrationStatus)).ToList();
            foreach (var item in done)
            {
                var state = states[item.Index]!;
                if (state.OrchestrationStatus == OrchestrationStatus.Completed)
                {
                    completed.Add((item.Instance.InstanceId, new DateTimeOffset(DateTime.SpecifyKind(state.CompletedTime, DateTimeKind.Utc))));
                }
                else
                {
                    failed++;
                }

                pending.Remove(item);
            }

            cursor = done.Count > 0 ? 0 : cursor + window;
            await Task.Delay(pollPause, deadline);
        }

        await submitting;
        return new PlainBatchResult(count, completed.Count, failed, polls, firstSubmitAt, completed.Count > 0 ? completed.Max(c => c.At) : null, deadline.IsCancellationRequested)
        {
            CompletedIds = [.. completed.Select(c => c.Id)],
        };
    }

    static bool IsFinished(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
}
