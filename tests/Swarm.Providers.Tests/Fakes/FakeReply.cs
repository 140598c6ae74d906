namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// What <see cref="FakeVendorServer"/> answers one request with. Each reply is written in the wire format of the
/// vendor whose path was called, so the same queue drives every vendor.
/// </summary>
public abstract record FakeReply
{
    /// <summary>A normal completion of <paramref name="text"/>, streamed when the request asks to stream.</summary>
    public static FakeReply Text(string text, int inputTokens = 11, int outputTokens = 7) =>
        new TextReply(text, inputTokens, outputTokens);

    /// <summary>
    /// A completion of <paramref name="text"/> that, streamed, comes in <paramref name="pieces"/> pieces as fast as the
    /// server can write them, and when <paramref name="breakAfter"/> is set stops after that many and drops the connection.
    /// </summary>
    public static FakeReply Streamed(string text, int pieces, int? breakAfter = null, int inputTokens = 11, int outputTokens = 7) =>
        new TextReply(text, inputTokens, outputTokens, pieces, breakAfter);

    /// <summary>
    /// A completion that asks for <paramref name="calls"/>, in the vendor's tool-call format (streamed when the request
    /// asks to stream), after <paramref name="preamble"/> when given.
    /// </summary>
    public static FakeReply ToolCalls(IReadOnlyList<FakeToolCall> calls, string? preamble = null, int inputTokens = 11, int outputTokens = 7) =>
        new ToolCallReply(calls, preamble, inputTokens, outputTokens);

    /// <summary>
    /// An error response in the vendor's error body format, with a <c>Retry-After</c> header in whole seconds
    /// (rounded up) when <paramref name="retryAfter"/> is given, and <paramref name="message"/> as the vendor's error
    /// message (vendors echo parts of a bad request there, keys included).
    /// </summary>
    public static FakeReply Status(int statusCode, TimeSpan? retryAfter = null, string? message = null) => new StatusReply(statusCode, retryAfter, message);

    /// <summary>No answer at all: the request waits until the client gives up or the server is disposed.</summary>
    public static FakeReply Hang() => new HangReply();
}
