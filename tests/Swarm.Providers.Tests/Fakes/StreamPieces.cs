namespace Swarm.Providers.Tests.Fakes;

/// <summary>How the fakes cut a text for streaming: about three consecutive pieces, so a client has several deltas to join.</summary>
static class StreamPieces
{
    const int Count = 3;

    public static IReadOnlyList<string> Of(string text)
    {
        if (text.Length < Count)
        {
            return [text];
        }

        var size = (int)Math.Ceiling(text.Length / (double)Count);
        return text.Chunk(size).Select(chars => new string(chars)).ToList();
    }
}
