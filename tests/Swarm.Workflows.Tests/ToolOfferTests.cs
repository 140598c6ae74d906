using Swarm.Workflows.Tools;

namespace Swarm.Workflows.Tests;

/// <summary>Which tools a turn offers, and what a result may put in front of a model.</summary>
public sealed class ToolOfferTests
{
    [Theory]
    [InlineData("memory_*", false)]
    [InlineData("ask", false)]
    [InlineData("mcp__files__*", true)]
    [InlineData("mcp__files__read_file", true)]
    [InlineData("mc*", true)]
    [InlineData("*", true)]
    public void Servers_are_listed_only_when_a_pattern_could_name_one_of_their_tools(string pattern, bool listed)
    {
        Assert.Equal(listed, new ToolOffer([pattern], Delegation: true).MayUseServerTools);
    }

    [Fact]
    public void An_agent_answering_another_agents_question_is_offered_neither_ask_nor_vote()
    {
        var answering = new ToolOffer(["*"], Delegation: false);

        Assert.True(answering.Allows("memory_get"));
        Assert.False(answering.Allows("ask"));
        Assert.False(answering.Allows("vote"));
        Assert.True(new ToolOffer(["*"], Delegation: true).Allows("ask"));
    }

    [Fact]
    public void A_result_longer_than_the_limit_is_cut_with_a_note_of_how_much_was_left_out()
    {
        var text = new string('x', ToolLimits.MaxResultChars + 500);

        var capped = ToolLimits.Capped(ToolResult.Ok(text));

        Assert.StartsWith(new string('x', ToolLimits.MaxResultChars) + "\n[truncated: the tool returned", capped.Text, StringComparison.Ordinal);
        Assert.Contains($"{ToolLimits.MaxResultChars + 500} characters", capped.Text, StringComparison.Ordinal);
        Assert.False(capped.IsError);
        Assert.Equal("short", ToolLimits.Capped(ToolResult.Ok("short")).Text);
    }

    [Fact]
    public void Server_tool_names_are_parsed_back_into_server_and_tool()
    {
        Assert.Equal(("files", "read_file"), ToolNames.ParseServerTool(ToolNames.ForServer("files", "read_file")!));
        Assert.Null(ToolNames.ParseServerTool("memory_get"));
        Assert.Null(ToolNames.ParseServerTool("mcp__files__"));
        Assert.Null(ToolNames.ForServer("files", new string('t', 60)));
    }

    [Fact]
    public void Rounds_past_the_conversation_bound_lose_their_oldest_results_to_a_note_and_keep_the_latest_whole()
    {
        static ToolRound Round(int n, int chars) =>
            new(null, [new ToolCall($"c{n}", "memory_get", "{}")], [new ToolCallResult($"c{n}", "memory_get", ToolResult.Ok(new string((char)('a' + n), chars)))]);
        var rounds = new List<ToolRound> { Round(0, 30_000), Round(1, 30_000), Round(2, 30_000) };

        ToolRounds.Compact(rounds);

        Assert.StartsWith("[an earlier result of 30000 characters, left out", rounds[0].Results[0].Result.Text, StringComparison.Ordinal);
        Assert.Equal(30_000, rounds[1].Results[0].Result.Text.Length);
        Assert.Equal(30_000, rounds[2].Results[0].Result.Text.Length);
        Assert.True(rounds.Sum(r => r.Results.Sum(x => x.Result.Text.Length)) <= ToolLimits.MaxConversationChars);
    }
}
