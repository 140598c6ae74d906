using System.Diagnostics.Metrics;
using System.Globalization;

namespace Swarm.Api;

/// <summary>
/// Every request <see cref="ApiDispatcher"/> answers, on the <c>Swarm.Api</c> meter: a count by route, method and
/// status, and the time from the request reaching the dispatcher to its answer, by route and method. Recorded in the
/// dispatcher, so both hosts count the same requests the same way; a real-time frame or an MCP tool call dispatched as
/// its REST route counts as that route's request. The route is the route's name (a bounded set), never a path with ids.
/// </summary>
public sealed class ApiRequestMetrics : IDisposable
{
    public const string MeterName = "Swarm.Api";

    readonly Meter meter = new(MeterName, "1.0");
    readonly Counter<long> requests;
    readonly Histogram<double> duration;

    public ApiRequestMetrics()
    {
        requests = meter.CreateCounter<long>("swarm.api.requests", description: "Requests answered, by route, method and status code.");
        duration = meter.CreateHistogram<double>("swarm.api.request.duration", "ms", "Time from a request reaching the dispatcher to its answer, by route and method.");
    }

    public void Record(ApiRoute route, int status, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(route);
        var name = new KeyValuePair<string, object?>("route", route.Name);
        var method = new KeyValuePair<string, object?>("method", route.Method);
        requests.Add(1, name, method, new("status", status.ToString(CultureInfo.InvariantCulture)));
        duration.Record(elapsed.TotalMilliseconds, name, method);
    }

    public void Dispose() => meter.Dispose();
}
