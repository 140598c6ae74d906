using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Swarm.Mcp.Tests;

/// <summary>Keeps every log line at every level, so a test can read what was logged and what was not.</summary>
sealed class RecordingLogger<T> : ILogger<T>
{
    readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> lines = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Lines => [.. lines];

    public string AllText => string.Join('\n', lines.Select(l => l.Message));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " " + exception)));
}
