using System.Globalization;
using System.Text.Json;
using Swarm.Api;

namespace Swarm.McpServer.Tools;

/// <summary>
/// What <c>wait_for_task</c> does: reads the task through its REST route every <see cref="PollInterval"/> until it ends
/// or the wait's time is up, and reports each reading as progress. Each reading is a full dispatch (permission, rate
/// limit), so a wait costs one request a poll; the interval keeps that well inside the default rate limit.
/// </summary>
public static class TaskWaiter
{
    public const int DefaultWaitSeconds = 60;
    public const int MaxWaitSeconds = 600;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    static readonly string[] EndStates = ["completed", "failed", "canceled"];

    /// <param name="read">Reads the task once (a dispatch of <c>GetTask</c>).</param>
    /// <param name="progress">Told of each reading that found the task still going: the reading's number and the task's status.</param>
    /// <returns>The last reading, and whether it found the task ended (or a problem, which ends the wait too).</returns>
    public static async Task<(ApiResponse Last, bool Ended)> WaitAsync(
        Func<CancellationToken, Task<ApiResponse>> read, TimeSpan timeout, Func<int, string, CancellationToken, ValueTask> progress, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetUtcNow() + timeout;
        for (var reading = 1; ; reading++)
        {
            var response = await read(cancellationToken);
            if (response.Status >= 400)
            {
                return (response, true);
            }

            var status = StatusOf(response);
            if (EndStates.Contains(status, StringComparer.Ordinal))
            {
                return (response, true);
            }

            await progress(reading, status, cancellationToken);
            if (time.GetUtcNow() + PollInterval > deadline)
            {
                return (response, false);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    public static TimeSpan TimeoutFrom(IDictionary<string, JsonElement>? arguments) =>
        TimeSpan.FromSeconds(arguments is not null && arguments.TryGetValue("timeoutSeconds", out var value) && value.TryGetInt32(out var seconds)
            ? Math.Clamp(seconds, 1, MaxWaitSeconds)
            : DefaultWaitSeconds);

    public static string Describe(int reading, string status) =>
        string.Create(CultureInfo.InvariantCulture, $"The task is {status} (reading {reading}).");

    static string StatusOf(ApiResponse response) =>
        response.Body is null ? "unknown"
            : JsonSerializer.SerializeToElement(response.Body, response.Body.GetType(), ApiJson.Options).TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                ? status.GetString()!
                : "unknown";
}
