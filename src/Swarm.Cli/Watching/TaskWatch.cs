using System.Text.Json;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;
using Swarm.Cli.Realtime;

namespace Swarm.Cli.Watching;

/// <summary>
/// Follows one task to its end: its steps and timeline from <c>GET /api/v1/tasks/{id}</c> (read every second, and at
/// once when the channel says its state changed) and the text its agents generate from <c>task_delta</c> events (a
/// task submitted with <c>stream</c>). Polling is what ends the watch, so an event the channel drops delays nothing,
/// and without a channel the watch still works, only without streamed text.
/// </summary>
sealed class TaskWatch(CommandContext context, SwarmApi api)
{
    static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    /// <summary>After the task ends, how long the watch waits for text still in flight.</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public async Task<int> RunAsync(string taskId, ChannelConnection? channel, CancellationToken cancellationToken)
    {
        var terminal = context.Environment.Terminal;
        if (channel is not null)
        {
            await channel.JoinAsync($"task.{taskId}", cancellationToken);
        }

        if (context.Json || !terminal.Profile.Capabilities.Interactive || !terminal.Profile.Capabilities.Ansi)
        {
            return await FollowAsync(taskId, channel, context.Json ? null : new PlainTaskOutput(terminal), cancellationToken);
        }

        var live = new LiveTaskOutput(terminal);
        var exitCode = ExitCodes.Ok;
        await terminal.Live(live.Render()).AutoClear(false).StartAsync(async display =>
        {
            live.Display = display;
            exitCode = await FollowAsync(taskId, channel, live, cancellationToken);
        });
        return exitCode;
    }

    async Task<int> FollowAsync(string taskId, ChannelConnection? channel, ITaskWatchOutput? output, CancellationToken cancellationToken)
    {
        var path = $"api/v1/tasks/{SwarmApi.Segment(taskId)}";
        ApiAnswer latest;
        var nextPoll = DateTimeOffset.MinValue;
        DateTimeOffset? finishedAt = null;
        var announcedEnd = false;
        while (true)
        {
            if (finishedAt is null && DateTimeOffset.UtcNow >= nextPoll)
            {
                latest = await api.GetAsync(path, cancellationToken);
                output?.Task(latest.Body);
                nextPoll = DateTimeOffset.UtcNow + PollEvery;
                if (TaskViews.IsFinished(latest.Body))
                {
                    finishedAt = DateTimeOffset.UtcNow;
                    if (channel is null || announcedEnd)
                    {
                        return Finish(latest);
                    }
                }
            }

            var wait = finishedAt is { } end ? end + Settle - DateTimeOffset.UtcNow : nextPoll - DateTimeOffset.UtcNow;
            if (wait <= TimeSpan.Zero && finishedAt is not null)
            {
                return Finish(await api.GetAsync(path, cancellationToken));
            }

            var message = channel is { IsOpen: true } ? await channel.NextAsync(Max(wait, TimeSpan.FromMilliseconds(10)), cancellationToken) : null;
            if (message is null)
            {
                if (channel is not { IsOpen: true })
                {
                    await Task.Delay(Max(wait, TimeSpan.Zero), cancellationToken);
                }

                continue;
            }

            var type = Json.Text(message.Value, "type");
            var data = Json.At(message.Value, "data") ?? default;
            if (type is "ack" || (Json.Text(data, "taskId") is { } about && about != taskId))
            {
                continue;
            }

            // The submitter and the group it joined both get a streamed task's events: the same frame twice, shown once.
            if (!seen.Add(message.Value.GetRawText()))
            {
                continue;
            }

            if (context.Json)
            {
                await context.Environment.Output.WriteLineAsync(message.Value.GetRawText());
            }

            switch (type)
            {
                case "task_delta":
                    output?.Delta(data);
                    break;
                case "task_finished" when finishedAt is not null:
                    // Everything before it has arrived: the channel sends a task's events in order.
                    return Finish(await api.GetAsync(path, cancellationToken));
                case "task_state_changed" or "task_finished":
                    announcedEnd |= type == "task_finished";
                    nextPoll = DateTimeOffset.MinValue;
                    break;
                case "error":
                    output?.Note($"note: the channel refused a frame: {Json.Text(data, "detail") ?? data.GetRawText()}");
                    break;
            }
        }
    }

    int Finish(ApiAnswer task)
    {
        if (context.Json)
        {
            context.Environment.Output.WriteLine(task.Body.GetRawText());
        }
        else
        {
            context.Environment.Terminal.Write(new Rule());
            context.Environment.Terminal.Write(TaskViews.Full(task.Body));
        }

        return TaskViews.ExitCodeOf(task.Body);
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
