using System.Collections.Concurrent;
using System.Diagnostics;
using Swarm.Benchmarks.Api;

namespace Swarm.Benchmarks.Load;

/// <summary>
/// Concurrent clients that each, in turn and at a fixed pace, submit a task (<c>POST /api/v1/tasks</c>), read the
/// status of the task it submitted last (<c>GET /api/v1/tasks/{id}</c>) and read the first page of the task list with its
/// queue (<c>GET /api/v1/tasks</c>), for a fixed time: what a dashboard and its users do to the API while work arrives.
/// </summary>
/// <param name="interval">The time from the start of one request of a client to the start of its next (less if a request took longer).</param>
sealed class ApiMix(SwarmApi api, int clients, TimeSpan interval)
{
    public const string Submit = "POST /api/v1/tasks";
    public const string Status = "GET /api/v1/tasks/{id}";
    public const string List = "GET /api/v1/tasks?pageSize=50";

    public async Task<ApiMixResult> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentQueue<ApiSample>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            string? lastTask = null;
            var turn = client % 3; // clients start at different routes, so every route is asked from the first second
            var index = client * 1_000_000;
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                switch (turn++ % 3)
                {
                    case 0:
                        var submission = await api.SubmitTaskAsync(index++, $"api mix task {index}", cancellationToken);
                        samples.Enqueue(new ApiSample(Submit, submission.Status, submission.AcceptLatency));
                        lastTask = submission.Id ?? lastTask;
                        break;
                    case 1 when lastTask is not null:
                        var (status, latency, _) = await api.GetAsync("/api/v1/tasks/" + lastTask, cancellationToken);
                        samples.Enqueue(new ApiSample(Status, status, latency));
                        break;
                    default:
                        var (listStatus, listLatency, _) = await api.GetAsync("/api/v1/tasks?pageSize=50", cancellationToken);
                        samples.Enqueue(new ApiSample(List, listStatus, listLatency));
                        break;
                }

                var pause = interval - (clock.Elapsed - started);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, cancellationToken);
                }
            }
        }, cancellationToken)));
        return new ApiMixResult([.. samples], clock.Elapsed);
    }
}

/// <summary>One request of the mix: its route, status (0 when it failed) and latency.</summary>
sealed record ApiSample(string Route, int Status, TimeSpan Latency)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>Every request the mix made, and how long it ran.</summary>
sealed record ApiMixResult(IReadOnlyList<ApiSample> Samples, TimeSpan Elapsed);
