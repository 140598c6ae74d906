namespace Swarm.Providers.Tests.Fakes;

/// <summary>A completion of <paramref name="Content"/> that reports the given token usage.</summary>
public sealed record TextReply(string Content, int InputTokens, int OutputTokens) : FakeReply
{
    /// <summary>
    /// The text cut into about three consecutive pieces, so a stream has several deltas for the client to join.
    /// </summary>
    public IReadOnlyList<string> Pieces() => StreamPieces.Of(Content);
}
