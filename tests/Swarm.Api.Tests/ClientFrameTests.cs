using System.Text;
using Swarm.Api.Endpoints.Realtime;

namespace Swarm.Api.Tests;

/// <summary>How a client's frame is read: every way it can be wrong is a problem to answer, never an exception.</summary>
public sealed class ClientFrameTests
{
    [Theory]
    [InlineData("""{"type": "\ud800", "data": {}}""")]
    [InlineData("""{"type": "message", "data": {"text": "\udc00 alone"}}""")]
    [InlineData("""{"type": "message", "\ud800": 1}""")]
    [InlineData("""{"type": "message", "type": "vote", "data": {}}""")]
    [InlineData("""{"type": "message", "data": {"text": "a", "text": "b"}}""")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"type": 7}""")]
    [InlineData("""{"type": "message", "data": "text"}""")]
    [InlineData("""{"type": "message", "id": {"x": 1}}""")]
    [InlineData("""{"type": "message", "colour": "red"}""")]
    [InlineData("""{"id": 1, "data": {"to": ["a"], "text": "no type"}}""")]
    public void A_frame_that_is_not_one_is_a_problem_not_an_exception(string text)
    {
        var (frame, problem, _) = ClientFrame.Read(ClientFrame.PlainEvent, Encoding.UTF8.GetBytes(text), fromSubprotocolClient: false);

        Assert.Null(frame);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void A_plain_frame_is_whole_and_a_subprotocol_clients_message_event_is_its_data()
    {
        var body = Encoding.UTF8.GetBytes("""{"type": "vote", "id": "v-1", "data": {"proposalId": "p"}}""");
        var data = Encoding.UTF8.GetBytes("""{"to": ["peer"], "text": "hi"}""");

        var plain = ClientFrame.Read(ClientFrame.PlainEvent, body, fromSubprotocolClient: false).Frame!;
        var named = ClientFrame.Read(ClientFrame.PlainEvent, data, fromSubprotocolClient: true).Frame!;
        var vote = ClientFrame.Read("vote", Encoding.UTF8.GetBytes("""{"proposalId": "p"}"""), fromSubprotocolClient: true).Frame!;

        Assert.Equal(("vote", "v-1", "p"), (plain.Type, plain.Id!.Value.GetString(), plain.Text("proposalId")));
        Assert.Equal(("message", "hi"), (named.Type, named.Text("text")));
        Assert.Null(named.Id);
        Assert.Equal(("vote", "p"), (vote.Type, vote.Text("proposalId")));
    }

    [Fact]
    public void A_twins_body_leaves_out_the_path_fields_and_takes_the_specs_result_as_text()
    {
        var frame = ClientFrame.Read(ClientFrame.PlainEvent, Encoding.UTF8.GetBytes("""{"type": "task_result", "data": {"taskId": "t", "result": "done"}}"""), fromSubprotocolClient: false).Frame!;

        Assert.Equal("""{"text":"done"}""", Encoding.UTF8.GetString(frame.BodyWith(["taskId"], [("result", "text")])));
    }
}
