using Swarm.Api;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>What of two answers to the same request must be equal.</summary>
public enum Parity
{
    /// <summary>Status, the app's headers and the body, byte for byte.</summary>
    Whole,

    /// <summary>
    /// Status, the app's headers (values too, except <see cref="RouteCase.ServerMadeHeaders"/>), a problem's type and
    /// title, and the body's JSON shape (property names, recursively): for answers that carry an id, a time or a
    /// per-process counter the server makes.
    /// </summary>
    Shape,

    /// <summary>Status and the app's headers: a text body of per-process counters (the Prometheus scrape).</summary>
    Headers,
}

/// <summary>
/// One request to send to the local host and to the worker (the same request, or one of the same kind for each when a
/// repeat would be refused, such as creating an agent of the same id), and what of the answers must be equal and why.
/// </summary>
/// <param name="Request">Builds the request for one side (<c>local</c> or <c>worker</c>).</param>
public sealed record RouteCase(string Name, ApiRoute Route, Parity Parity, Func<RouteParityFixture, string, HttpRequestMessage> Request, string Why = "")
{
    /// <summary>Headers whose value the server makes per answer (a new resource's URL).</summary>
    public IReadOnlyCollection<string> ServerMadeHeaders { get; init; } = ["location", "etag", "retry-after"];

    /// <summary>What the worker's answer must show afterwards through the local host, for a case that changes state.</summary>
    public Func<RouteParityFixture, RouteAnswer, Task>? Effect { get; init; }

    /// <summary>
    /// Properties whose content is each process's own (a probe only the local host has run yet), or moves while the case
    /// runs (durable signals of other cases still landing): present on both, not compared further.
    /// </summary>
    public IReadOnlyCollection<string> PerProcessProperties { get; init; } = [];

    /// <summary>
    /// Properties a periodic job writes to the shared task hub and that are absent until it first runs (the autoscaling
    /// pass's <c>lastPass</c>, at second 45 of every minute): the job may run between the two requests, so they are left
    /// out of both shapes.
    /// </summary>
    public IReadOnlyCollection<string> WrittenBetweenRequests { get; init; } = [];

    public override string ToString() => Name;
}
