using System.Threading.Channels;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The event handler requests of one connection, delivered one after another in the order they happened
/// (<c>connected</c>, user events, <c>disconnected</c>) by the connection's own loop, so a slow handler holds up only
/// that connection. Each request is built when it is delivered, so it carries the connection state the previous
/// answer set; an answer to a blocking event (a user event) with <c>ce-connectionState</c> replaces that state.
/// </summary>
public sealed partial class ConnectionUpstream
{
    /// <summary>How long the handler may take with one event; after that the event counts as failed.</summary>
    public static readonly TimeSpan UpstreamLimit = TimeSpan.FromSeconds(20);

    /// <summary>Events waiting for the handler; a client that sends faster than its handler answers waits (its reads pause), others do not.</summary>
    const int Capacity = 64;

    readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    readonly IWebPubSubUpstream upstream;
    readonly CloudEventsWriter writer;
    readonly ClientConnection connection;
    readonly LocalWebPubSubCounters counters;
    readonly ILogger logger;
    readonly CancellationToken stopping;
    readonly Task pump;

    public ConnectionUpstream(IWebPubSubUpstream upstream, CloudEventsWriter writer, ClientConnection connection, LocalWebPubSubCounters counters, ILogger logger, CancellationToken stopping)
    {
        this.upstream = upstream;
        this.writer = writer;
        this.connection = connection;
        this.counters = counters;
        this.logger = logger;
        this.stopping = stopping;
        pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    /// <param name="onAnswer">What to do with the handler's answer (null when it failed to give one); runs on the connection's event loop.</param>
    public ValueTask EnqueueAsync(string type, MessagePayload body, bool blocking, Func<UpstreamResponse?, Task>? onAnswer, CancellationToken cancellationToken) =>
        queue.Writer.WriteAsync(new Pending(type, body, blocking, onAnswer), cancellationToken);

    /// <summary>Delivers <c>disconnected</c> after whatever is still waiting, and returns when all are delivered.</summary>
    public async Task EndAsync(string reason)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["reason"] = reason });
        await queue.Writer.WriteAsync(new Pending(CloudEventsWriter.DisconnectedType, new MessagePayload(MessagePayload.Json, body), Blocking: false, null), CancellationToken.None);
        queue.Writer.TryComplete();
        await pump;
    }

    /// <summary>
    /// One request to the handler within <see cref="UpstreamLimit"/>; its answer, or null when it threw or did not answer
    /// in time. A missing or failed answer is counted as a delivery failure.
    /// </summary>
    public static async Task<UpstreamResponse?> CallAsync(IWebPubSubUpstream upstream, UpstreamRequest request, LocalWebPubSubCounters counters, ILogger logger, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(counters);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(UpstreamLimit);
        try
        {
            var answer = await upstream.DeliverAsync(request, limit.Token);
            if (!IsSuccess(answer))
            {
                counters.DeliveryFailed();
            }

            return answer;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            counters.DeliveryFailed();
            LogFailed(logger, request.Headers.GetValueOrDefault("ce-type") ?? "?", request.Headers.GetValueOrDefault("ce-connectionId") ?? "?", e.GetType().Name);
            return null;
        }
    }

    public static bool IsSuccess(UpstreamResponse? answer) => answer is { Status: >= 200 and < 300 };

    /// <summary>A header of the answer, by name in any case (the handler may not build its dictionary case-insensitive).</summary>
    public static string? Header(UpstreamResponse answer, string name)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    async Task PumpAsync()
    {
        await foreach (var pending in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            var answer = await CallAsync(upstream, writer.Write(connection, pending.Type, pending.Body), counters, logger, stopping);
            if (pending.Blocking && IsSuccess(answer) && Header(answer!, "ce-connectionState") is { } state)
            {
                connection.State = state;
            }

            if (pending.OnAnswer is not null)
            {
                try
                {
                    await pending.OnAnswer(answer);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The answer could not be passed on (the connection went away); the next event still goes.
                    LogAnswerLost(logger, connection.Id, e.GetType().Name);
                }
            }
        }
    }

    sealed record Pending(string Type, MessagePayload Body, bool Blocking, Func<UpstreamResponse?, Task>? OnAnswer);

    [LoggerMessage(EventId = 1582, Level = LogLevel.Warning, Message = "The event handler did not take {EventType} of connection {ConnectionId}: {Failure}")]
    static partial void LogFailed(ILogger logger, string eventType, string connectionId, string failure);

    [LoggerMessage(EventId = 1583, Level = LogLevel.Warning, Message = "The event handler's answer could not be passed to connection {ConnectionId}: {Failure}")]
    static partial void LogAnswerLost(ILogger logger, string connectionId, string failure);
}
