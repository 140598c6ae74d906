using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Swarm.Mcp.Tests;

/// <summary>What a model reads of a result: blocks the servers above do not send, and the cut at its edges.</summary>
public sealed class ToolResultTextTests
{
    [Fact]
    public void Every_kind_of_block_is_one_line_of_text_or_a_short_description()
    {
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "first" },
                AudioContentBlock.FromBytes(new byte[1000], "audio/wav"),
                new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = "file:///notes.txt", Text = "inside" } },
                new EmbeddedResourceBlock { Resource = BlobResourceContents.FromBytes(new byte[7], "file:///blob.bin", "application/octet-stream") },
                new ResourceLinkBlock { Uri = "file:///big.csv", Name = "big.csv" },
            ],
        };

        Assert.Equal(
            "first\n[audio, audio/wav, 1000 bytes]\n[resource file:///notes.txt]\ninside\n[resource file:///blob.bin, application/octet-stream, 7 bytes]\n[resource link: big.csv, file:///big.csv]",
            ToolResultText.Of(result));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1234)]
    public void A_binary_blocks_size_is_the_decoded_size(int bytes)
    {
        var result = new CallToolResult { Content = [ImageContentBlock.FromBytes(new byte[bytes], "image/png")] };

        Assert.Equal($"[image, image/png, {bytes} bytes]", ToolResultText.Of(result));
    }

    [Fact]
    public void Structured_content_is_the_text_when_a_tool_gives_no_blocks()
    {
        var result = new CallToolResult { Content = [], StructuredContent = JsonSerializer.SerializeToElement(new { temperature = 21.5 }) };

        Assert.Equal("""{"temperature":21.5}""", ToolResultText.Of(result));
    }

    [Fact]
    public void Text_within_the_limit_is_left_whole()
    {
        Assert.Equal(new string('a', 300), ToolResultText.Capped(new string('a', 300), 300));
    }

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        // 199 letters, then an emoji (two UTF-16 units) across the 200th character.
        var text = new string('a', 199) + "\U0001F600" + new string('b', 100);

        var capped = ToolResultText.Capped(text, 200);

        Assert.Equal(new string('a', 199) + "\n[truncated: 102 of 301 characters cut]", capped);
    }
}
