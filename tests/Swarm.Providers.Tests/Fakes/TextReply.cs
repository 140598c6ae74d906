namespace Swarm.Providers.Tests.Fakes;

/// <summary>A completion of <paramref name="Content"/> that reports the given token usage.</summary>
/// <param name="PieceCount">How many pieces a streamed reply is cut into (about three unless a test asks for more).</param>
/// <param name="BreakAfter">
/// When set, a streamed reply stops after this many pieces and the connection is dropped, as a vendor that fails
/// mid-answer would; an unstreamed reply drops the connection before answering.
/// </param>
public sealed record TextReply(string Content, int InputTokens, int OutputTokens, int PieceCount = StreamPieces.DefaultCount, int? BreakAfter = null) : FakeReply
{
    /// <summary>The text cut into <see cref="PieceCount"/> consecutive pieces, so a stream has several deltas for the client to join.</summary>
    public IReadOnlyList<string> Pieces() => StreamPieces.Of(Content, PieceCount);

    /// <summary>
    /// Whether the stream breaks before piece <paramref name="index"/> (from 0); if so the connection has been dropped,
    /// a moment after the last write, so the client has read what was sent before the reset.
    /// </summary>
    public async Task<bool> BreaksAtAsync(int index, Microsoft.AspNetCore.Http.HttpResponse response, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (BreakAfter != index)
        {
            return false;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellation);
        response.HttpContext.Abort();
        return true;
    }
}
