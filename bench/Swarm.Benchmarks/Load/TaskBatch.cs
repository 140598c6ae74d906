using System.Collections.Concurrent;
using System.Diagnostics;
using Swarm.Benchmarks.Api;

namespace Swarm.Benchmarks.Load;

/// <summary>
/// Submits tasks from concurrent clients and follows each to its end through <c>GET /api/v1/tasks/{id}</c>, as the
/// API's clients would. Polling starts with the first accepted task, so it overlaps submission.
/// </summary>
/// <param name="pollPause">The pause between polling rounds: the resolution of the client-observed latency.</param>
/// <param name="capability">When given, every task is a <c>single</c> task that needs it (see <see cref="SwarmApi.SubmitTaskAsync"/>).</param>
/// <param name="maxInFlight">
/// When above zero, the most tasks accepted and not yet seen finished: a client waits for one to finish before it
/// submits the next, so the batch runs at the rate the swarm finishes work instead of building a backlog.
/// </param>
sealed class TaskBatch(SwarmApi api, int clients, TimeSpan pollPause, string? capability = null, int maxInFlight = 0)
{
    /// <summary>
    /// Each round polls this many of the unfinished tasks per client, oldest first: the durable queues are roughly first
    /// in, first out, so the oldest are the ones about to finish, and the host is not asked about every task every round.
    /// A round that finds none finished moves on to the next window, so a stuck task cannot hide the others.
    /// </summary>
    const int WindowPerClient = 2;

    readonly int window = Math.Max(1, clients * WindowPerClient);

    /// <summary>Runs <paramref name="count"/> tasks; when <paramref name="deadline"/> fires, returns what finished so far.</summary>
    public async Task<TaskBatchResult> RunAsync(int count, string promptPrefix, CancellationToken deadline)
    {
        var submissions = new TaskSubmission?[count];
        var accepted = new ConcurrentQueue<TaskSubmission>();
        var next = -1;
        using var inFlight = maxInFlight > 0 ? new SemaphoreSlim(maxInFlight) : null;
        var submitting = Task.WhenAll(Enumerable.Range(0, Math.Min(clients, count)).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && !deadline.IsCancellationRequested)
            {
                try
                {
                    if (inFlight is not null)
                    {
                        await inFlight.WaitAsync(deadline);
                    }

                    var submission = await api.SubmitTaskAsync(index, $"{promptPrefix} {index}", deadline, capability: capability);
                    submissions[index] = submission;
                    if (submission.Accepted)
                    {
                        accepted.Enqueue(submission);
                    }
                    else
                    {
                        inFlight?.Release();
                    }
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    return;
                }
            }
        }));

        var following = await FollowAsync(accepted, submitting, inFlight, deadline);
        await submitting;
        return new TaskBatchResult(
            [.. submissions.OfType<TaskSubmission>()],
            following.Outcomes,
            following.Polls,
            following.PollFailures,
            following.PollLatencies,
            window,
            pollPause,
            TimedOut: deadline.IsCancellationRequested);
    }

    async Task<(List<TaskOutcome> Outcomes, int Polls, int PollFailures, List<double> PollLatencies)> FollowAsync(
        ConcurrentQueue<TaskSubmission> accepted, Task submitting, SemaphoreSlim? inFlight, CancellationToken deadline)
    {
        var pending = new List<TaskSubmission>();
        var lastSeen = new Dictionary<string, TaskSnapshot>(StringComparer.Ordinal);
        var finished = new List<TaskOutcome>();
        var latencies = new ConcurrentBag<double>();
        var (polls, failures, cursor) = (0, 0, 0);
        while (!deadline.IsCancellationRequested)
        {
            var arrived = false;
            while (accepted.TryDequeue(out var submission))
            {
                pending.Add(submission);
                arrived = true;
            }

            if (arrived)
            {
                pending.Sort((a, b) => a.Index.CompareTo(b.Index));
            }

            if (pending.Count == 0 && submitting.IsCompleted && accepted.IsEmpty)
            {
                break;
            }

            cursor = cursor >= pending.Count ? 0 : cursor;
            var round = pending.Skip(cursor).Take(window).ToList();
            var answers = new ConcurrentDictionary<string, (TaskSnapshot? Snapshot, DateTimeOffset At)>(StringComparer.Ordinal);
            try
            {
                await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = deadline }, async (task, token) =>
                {
                    var clock = Stopwatch.StartNew();
                    var snapshot = await api.GetTaskAsync(task.Id!, token);
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    answers[task.Id!] = (snapshot, DateTimeOffset.UtcNow);
                });
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            polls += answers.Count;
            failures += answers.Values.Count(a => a.Snapshot is null);
            var done = round.Where(t => answers.TryGetValue(t.Id!, out var a) && a.Snapshot is { IsFinished: true }).ToList();
            foreach (var task in round)
            {
                if (answers.TryGetValue(task.Id!, out var answer) && answer.Snapshot is { } snapshot)
                {
                    lastSeen[task.Id!] = snapshot;
                }
            }

            foreach (var task in done)
            {
                finished.Add(new TaskOutcome(task, lastSeen[task.Id!], answers[task.Id!].At));
                pending.Remove(task);
                inFlight?.Release();
            }

            cursor = done.Count > 0 ? 0 : cursor + window;
            try
            {
                await Task.Delay(pollPause, deadline);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }

        // What was still unfinished when time ran out, with the last state a poll saw.
        while (accepted.TryDequeue(out var late))
        {
            pending.Add(late);
        }

        finished.AddRange(pending.Select(t => new TaskOutcome(t, lastSeen.GetValueOrDefault(t.Id!), null)));
        return (finished, polls, failures, [.. latencies]);
    }
}
