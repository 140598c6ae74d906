namespace Swarm.Providers.Tests.Fakes;

/// <summary>How the fakes cut a text for streaming: consecutive pieces (about three unless asked), so a client has several deltas to join.</summary>
static class StreamPieces
{
    public const int DefaultCount = 3;

    public static IReadOnlyList<string> Of(string text, int count = DefaultCount)
    {
        if (text.Length < count)
        {
            return [text];
        }

        var size = (int)Math.Ceiling(text.Length / (double)count);
        return text.Chunk(size).Select(chars => new string(chars)).ToList();
    }
}
