namespace Swarm.Providers.Tests.Fakes;

/// <summary>A completion of <paramref name="Content"/> that reports the given token usage.</summary>
public sealed record TextReply(string Content, int InputTokens, int OutputTokens) : FakeReply
{
    const int StreamedPieces = 3;

    /// <summary>
    /// The text cut into about three consecutive pieces, so a stream has several deltas for the client to join.
    /// </summary>
    public IReadOnlyList<string> Pieces()
    {
        if (Content.Length < StreamedPieces)
        {
            return [Content];
        }

        var size = (int)Math.Ceiling(Content.Length / (double)StreamedPieces);
        return Content.Chunk(size).Select(chars => new string(chars)).ToList();
    }
}
