using System.Text.Json;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Swarm.Functions.WorkerHost.Tests.Host;
using Swarm.Workflows.Tasks;
using Swarm.Workflows.Tasks.Index;
using P = Microsoft.DurableTask.Protobuf;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// The durable triggers run through the built worker's durable middleware with the payloads the durable extension
/// sends (<see cref="DurableInvocation"/>), for a task the local host ran: the worker's answers are held to what the
/// local host's Durable Task runtime did with the same history, the same operations and the same input.
/// </summary>
public sealed class DurableTriggerTests(TaskEpisodeFixture task) : IClassFixture<TaskEpisodeFixture>
{
    [Fact]
    public async Task The_task_orchestrations_first_episode_through_the_worker_takes_the_actions_the_local_runtime_took()
    {
        var response = await RunFirstEpisodeAsync();

        var expected = task.History.FirstEpisodeActions;
        var actual = response.Actions.Select(EpisodeAction.FromWorker).ToList();
        Assert.NotEmpty(expected);
        Assert.True(
            expected.SequenceEqual(actual),
            $"local runtime:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}worker:{Environment.NewLine}{string.Join(Environment.NewLine, actual)}{Environment.NewLine}{task.Worker.Output}");
        Assert.Equal(task.TaskId, response.InstanceId);
    }

    [Fact]
    public async Task The_index_activity_the_first_episode_scheduled_runs_through_the_worker_and_answers_as_on_the_local_host()
    {
        var episode = await RunFirstEpisodeAsync();
        var scheduled = episode.Actions.First(a => a.ScheduleTask?.Name == nameof(RecordTaskActivity));
        var function = await task.LoadAsync(nameof(RecordTaskActivity));

        var response = await task.Worker.InvokeAsync(DurableInvocation.Activity(function, task.TaskId, scheduled.ScheduleTask.Input));

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, $"{response.Result.Exception?.Message}{Environment.NewLine}{task.Worker.Output}");
        var localResult = task.History.Events.Single(e => TaskHubHistory.EventType(e) == "TaskCompleted" && e.GetProperty("TaskScheduledId").GetInt32() == scheduled.Id);
        Assert.Equal(localResult.GetProperty("Result").GetString(), DurableInvocation.ReturnedString(response));

        // It ran against the worker's own storage, with its services resolved: the task's row is in the worker's index.
        var index = new Azure.Data.Tables.TableClient(task.WorkerSettings["database__connectionString"], task.WorkerSettings["database__tablePrefix"] + "TaskIndex");
        var rows = index.QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey == Swarm.Adapters.Storage.TaskIndexKeys.Everyone);
        var written = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in rows)
        {
            written.Add(row);
        }

        Assert.Contains(written, r => r.GetString("TaskId") == task.TaskId);
    }

    [Fact]
    public async Task The_pattern_entity_given_the_tasks_operations_through_the_worker_answers_and_keeps_the_state_the_local_runtime_did()
    {
        // Every operation the task sent the pattern atlas's shard (a recall, then its fingerprint), from a shard no task
        // had touched: the local runtime ran them on the same empty state.
        var requests = task.History.Events
            .Where(e => TaskHubHistory.EventType(e) == "EventSent" && e.GetProperty("InstanceId").GetString() == "@taskatlas@general")
            .Select(e => JsonDocument.Parse(e.GetProperty("Input").GetString()!).RootElement)
            .ToList();
        Assert.Equal(["Similar", "Add"], requests.Select(r => r.GetProperty("op").GetString()));
        var operations = requests.Select(r => new P.OperationRequest
        {
            Operation = r.GetProperty("op").GetString(),
            Input = r.GetProperty("input").GetString(),
            RequestId = r.GetProperty("id").GetString(),
        });
        var function = await task.LoadAsync("taskatlas");

        var response = await task.Worker.InvokeAsync(DurableInvocation.Entity(function, "@taskatlas@general", state: null, operations));

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, $"{response.Result.Exception?.Message}{Environment.NewLine}{task.Worker.Output}");
        var batch = DurableInvocation.EntityBatchResult(response);
        Assert.Null(batch.FailureDetails);
        Assert.Equal(2, batch.Results.Count);
        Assert.All(batch.Results, r => Assert.Equal(P.OperationResult.ResultTypeOneofCase.Success, r.ResultTypeCase));

        // The call's answer, as the local runtime's entity sent it back to the orchestration.
        var callId = requests[0].GetProperty("id").GetString();
        var answered = task.History.Events.Single(e => TaskHubHistory.EventType(e) == "EventRaised" && e.GetProperty("Name").GetString() == callId);
        using var answer = JsonDocument.Parse(answered.GetProperty("Input").GetString()!);
        Assert.Equal(answer.RootElement.GetProperty("result").GetString(), batch.Results[0].Success.Result);

        // The state after both, as the local runtime keeps it (the signal may still be on its way there).
        var localState = await LocalEntityStateAsync("taskatlas", "general", s => s?.Contains(task.TaskId, StringComparison.Ordinal) == true);
        Assert.Equal(localState, batch.EntityState);
    }

    async Task<string?> LocalEntityStateAsync(string name, string key, Func<string?, bool> ready)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var state = await TaskHubHistory.EntityStateAsync(task.Local.StorageConnectionString, task.Local.TaskHub, name, key);
            if (ready(state))
            {
                return state;
            }

            await Task.Delay(250, patience.Token);
        }
    }

    async Task<P.OrchestratorResponse> RunFirstEpisodeAsync()
    {
        var function = await task.LoadAsync(nameof(TaskRunOrchestrator));
        var newEvents = task.History.FirstEpisodeEvents.Select(TaskHubHistory.ToProto);
        var response = await task.Worker.InvokeAsync(DurableInvocation.Orchestration(function, task.TaskId, pastEvents: [], newEvents));
        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, $"{response.Result.Exception?.Message}{Environment.NewLine}{task.Worker.Output}");
        return DurableInvocation.OrchestratorResponse(response);
    }
}
