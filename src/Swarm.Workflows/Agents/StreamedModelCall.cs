using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Agents;

/// <summary>
/// A model turn of a task that streams: the provider is asked for a stream, its text goes out as <c>task_delta</c>
/// events (batched by <see cref="DeltaBatcher"/>) to the submitter and the task's group while the updates are joined
/// into the same <see cref="ChatResponse"/> an unstreamed call returns, which is all the workflow keeps. The events are
/// notices: a channel that fails drops them (counted and logged) and the call goes on.
/// </summary>
public sealed class StreamedModelCall(IRealtimeChannel channel, TimeProvider time, ILogger log)
{
    /// <summary>Runs one attempt of the call; its number is this execution's start (see <see cref="RealtimeEvents.TaskDelta"/>).</summary>
    public async Task<ChatResponse> GetResponseAsync(IChatClient client, IEnumerable<ChatMessage> messages, ChatOptions options, AgentTurn turn, TurnStreaming stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(stream);
        var attempt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var audiences = new[] { RealtimeAudience.User(stream.SubmittedBy), RealtimeAudience.Group(RealtimeGroups.Task(turn.TaskId)) };
        await using var batcher = new DeltaBatcher(
            [.. audiences.Select(to => (Func<DeltaFrame, CancellationToken, Task>)((frame, token) => channel.SendAsync(
                RealtimeEvents.Delta(to, turn.TaskId, stream.Step, turn.Agent.Id, stream.Turn, attempt, frame.Sequence, frame.Text, frame.Final), token)))],
            time);
        var updates = new List<ChatResponseUpdate>();
        var answered = false;
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                updates.Add(update);
                batcher.Add(update.Text);
            }

            answered = true;
        }
        finally
        {
            await batcher.CompleteAsync(final: answered);
            if (batcher.Dropped > 0)
            {
                log.StreamFramesDropped(turn.TaskId, stream.Step, stream.Turn, attempt, turn.Agent.Id, batcher.Dropped, batcher.Sent + batcher.Dropped, batcher.LastFailure ?? "the channel was too slow to take the last frames");
            }
        }

        return updates.ToChatResponse();
    }
}
