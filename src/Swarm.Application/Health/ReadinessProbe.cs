using Microsoft.DurableTask.Client;

namespace Swarm.Application.Health;

/// <summary>
/// Checks what the swarm needs to accept work: storage answers, the durable runtime answers queries,
/// and the durable worker is dispatching. Used by <c>GET /ready</c> and the periodic health probe.
/// </summary>
public sealed class ReadinessProbe(IStorageProbe storage, IDurableWorkerStatus worker, TimeProvider time)
{
    static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public async Task<ReadinessReport> CheckAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var storageCheck = CheckStorageAsync(cancellationToken);
        var runtime = CheckDurableAsync(durable, cancellationToken);
        var checks = new Dictionary<string, string>
        {
            ["storage"] = await storageCheck,
            ["durableRuntime"] = await runtime,
            ["durableWorker"] = worker.IsRunning ? Ok : worker.WhyNotRunning,
        };
        return new ReadinessReport(checks.Values.All(v => v == Ok), checks, time.GetUtcNow());
    }

    const string Ok = "ok";

    async Task<string> CheckStorageAsync(CancellationToken cancellationToken) =>
        await WithinTimeoutAsync(storage.CheckAsync, cancellationToken);

    static async Task<string> CheckDurableAsync(DurableTaskClient durable, CancellationToken cancellationToken) =>
        await WithinTimeoutAsync(async ct =>
        {
            var query = new OrchestrationQuery { PageSize = 1 };
            await foreach (var _ in durable.GetAllInstancesAsync(query).AsPages(pageSizeHint: 1).WithCancellation(ct))
            {
                break;
            }
        }, cancellationToken);

    static async Task<string> WithinTimeoutAsync(Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await check(timeout.Token);
            return Ok;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {CheckTimeout.TotalSeconds:0} s";
        }
#pragma warning disable CA1031 // Readiness reports any failure as "not ready" instead of failing the probe.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return "unavailable (" + e.GetType().Name + ")";
        }
    }
}
