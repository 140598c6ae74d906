using System.Diagnostics.Metrics;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// Tasks accepted by this instance, on the <c>Swarm.Tasks</c> meter: one per task started (an idempotent replay of a
/// submission starts none and counts none). Tasks by status are read from durable state at scrape time instead, since
/// a task's run may move between instances.
/// </summary>
public sealed class TaskMetrics : IDisposable
{
    public const string MeterName = "Swarm.Tasks";

    readonly Meter meter = new(MeterName, "1.0");
    readonly Counter<long> submitted;

    public TaskMetrics() =>
        submitted = meter.CreateCounter<long>("swarm.tasks.submitted", description: "Tasks accepted and started by this instance.");

    public void Submitted() => submitted.Add(1);

    public void Dispose() => meter.Dispose();
}
