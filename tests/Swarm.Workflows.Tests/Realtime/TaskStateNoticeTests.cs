using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Domain.Tasks;
using Swarm.Tests;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Tests.Realtime;

/// <summary>
/// A task's state changes on the real Durable Task runtime (the in-process test host), with the channel port recorded.
/// The host runs no entities, so these tasks end at their approval, before any step asks the dispatcher for a seat.
/// </summary>
public sealed class TaskStateNoticeTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    static readonly RealtimeAudience Operators = RealtimeAudience.Group(RealtimeGroups.Operators);

    static TaskRunInput Task(string id, bool notifyGroups) =>
        new(id, "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(1), 3, null, RequiresApproval: true, ApprovalWaitLimit: TimeSpan.FromMinutes(5),
            SubmittedBy: "alice", Notify: notifyGroups, NotifySubmitter: true, NotifyGroups: notifyGroups);

    static Task<DurableTaskTestHost> StartAsync(IRealtimeChannel channel) =>
        DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator<TaskRunOrchestrator>();
                tasks.AddActivity<PublishRealtimeActivity>();
                tasks.AddActivity<PublishRealtimeNoticesActivity>();
            },
            new DurableTaskTestHostOptions { Port = FreePorts.Next(), ConfigureServices = services => services.AddSingleton(channel) });

    static async Task<OrchestrationMetadata> RejectAsync(DurableTaskTestHost host, TaskRunInput input, RecordingRealtimeChannel channel, int noticesBefore)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TaskRunOrchestrator), input, new StartOrchestrationOptions(input.TaskId), timeout.Token);
        if (noticesBefore > 0)
        {
            await channel.WaitForAsync(noticesBefore);
        }
        else
        {
            await host.Client.WaitForInstanceStartAsync(input.TaskId, timeout.Token);
        }

        await host.Client.RaiseEventAsync(input.TaskId, ApprovalDecision.EventName, new ApprovalDecision(false, "bob", "not now"), timeout.Token);
        return await host.Client.WaitForInstanceCompletionAsync(input.TaskId, getInputsAndOutputs: true, timeout.Token);
    }

    static IEnumerable<(string Type, string? State)> States(IEnumerable<(string Type, System.Text.Json.JsonElement Data)> messages) =>
        messages.Select(m => (m.Type, m.Data.TryGetProperty("state", out var state) ? state.GetString() : null));

    [Fact]
    public async Task A_tasks_state_changes_go_to_its_group_and_to_the_operators_in_order_and_its_end_to_the_submitter()
    {
        var channel = new RecordingRealtimeChannel();
        await using var host = await StartAsync(channel);
        var input = Task("task-approval-rejected", notifyGroups: true);

        var result = await RejectAsync(host, input, channel, noticesBefore: 2);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        (string, string?)[] expected = [(RealtimeEvents.TaskStateChanged, "awaitingApproval"), (RealtimeEvents.TaskStateChanged, "failed")];
        Assert.Equal(expected, States(channel.To(RealtimeAudience.Group(RealtimeGroups.Task(input.TaskId)))));
        Assert.Equal(expected, States(channel.To(Operators)));
        var failed = channel.To(Operators)[^1].Data;
        Assert.Equal(("Rejected", "/api/v1/tasks/task-approval-rejected"), (failed.GetProperty("error").GetProperty("type").GetString(), failed.GetProperty("location").GetString()));
        var (type, data) = Assert.Single(channel.To(RealtimeAudience.User("alice")));
        Assert.Equal((RealtimeEvents.TaskFinished, "failed"), (type, data.GetProperty("status").GetString()));
        Assert.Equal(5, channel.Sent.Count);
    }

    [Fact]
    public async Task A_task_stored_before_groups_existed_tells_only_its_submitter()
    {
        var channel = new RecordingRealtimeChannel();
        await using var host = await StartAsync(channel);
        var input = Task("task-before-groups", notifyGroups: false);

        var result = await RejectAsync(host, input, channel, noticesBefore: 0);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var (to, type, _) = Assert.Single(channel.Sent);
        Assert.Equal((RealtimeAudience.User("alice"), RealtimeEvents.TaskFinished), (to, type));
    }

    [Fact]
    public async Task A_group_the_channel_refuses_loses_its_notice_and_neither_the_others_nor_the_task_notice_it()
    {
        var channel = new RecordingRealtimeChannel(RealtimeGroups.Operators);
        await using var host = await StartAsync(channel);
        var input = Task("task-operators-down", notifyGroups: true);

        var result = await RejectAsync(host, input, channel, noticesBefore: 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("Rejected", result.ReadCustomStatusAs<TaskProgress>()!.Failure!.Type);
        Assert.Empty(channel.To(Operators));
        Assert.Equal(2, channel.To(RealtimeAudience.Group(RealtimeGroups.Task(input.TaskId))).Count);
        Assert.Single(channel.To(RealtimeAudience.User("alice")));
    }
}
