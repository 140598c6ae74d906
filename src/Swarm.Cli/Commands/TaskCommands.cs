using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;
using Swarm.Cli.Realtime;
using Swarm.Cli.Watching;

namespace Swarm.Cli.Commands;

/// <summary><c>swarm tasks submit|list|get|watch|cancel|approve|reject|feedback</c>: the task routes of the API.</summary>
static class TaskCommands
{
    static readonly Argument<string> Id = new("id") { Description = "The task's id (task-...)." };

    public static Command Build(CliEnvironment environment)
    {
        var tasks = new Command("tasks", "Submit, follow and decide tasks.");
        tasks.Subcommands.Add(Submit(environment));
        tasks.Subcommands.Add(List(environment));
        tasks.Subcommands.Add(Get(environment));
        tasks.Subcommands.Add(Watch(environment));
        tasks.Subcommands.Add(Decide(environment, "cancel", "Cancel an unfinished task (its seats and places in line are given back)."));
        tasks.Subcommands.Add(Decide(environment, "approve", "Approve a task that waits for approval."));
        tasks.Subcommands.Add(Decide(environment, "reject", "Reject a task that waits for approval (it fails as Rejected)."));
        tasks.Subcommands.Add(Feedback(environment));
        return tasks;
    }

    static Command Submit(CliEnvironment environment)
    {
        var prompt = new Argument<string?>("prompt") { Description = "What the swarm should do (or give it in --body).", Arity = ArgumentArity.ZeroOrOne };
        var priority = new Option<int?>("--priority", "-p") { Description = "1 (lowest) to 10." };
        var capabilities = new Option<string[]>("--capability", "-c") { Description = "A capability the task needs (repeat for more).", AllowMultipleArgumentsPerToken = false };
        var strategy = new Option<string?>("--strategy", "-s") { Description = "auto, single, parallel, pipeline, hierarchical or consensus." };
        var agents = new Option<int?>("--agents") { Description = "How many agents work on it (parallel, consensus): 2 to 10." };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds the task may take." };
        var approval = new Option<bool>("--requires-approval") { Description = "Wait for a person's approval before it runs." };
        var metadata = new Option<string[]>("--metadata", "-m") { Description = "key=value to keep with the task (repeat for more)." };
        var idempotency = new Option<string?>("--idempotency-key") { Description = "A retry with the same key returns the same task." };
        var body = new Option<string?>("--body") { Description = "A JSON file with the request body (- for standard input); flags are set on top." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the task to its end, with its text as it is generated; the exit code says how it ended." };
        var command = new Command("submit", "Submit a task (POST /api/v1/tasks).") { prompt, priority, capabilities, strategy, agents, timeout, approval, metadata, idempotency, body, watch };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            var request = BodyFile.Read(context, context.Value(body));
            Set(request, "prompt", context.Value(prompt));
            Set(request, "priority", context.Value(priority));
            Set(request, "strategy", context.Value(strategy));
            Set(request, "agents", context.Value(agents));
            Set(request, "timeoutSeconds", context.Value(timeout));
            if (context.Value(approval))
            {
                request["requiresApproval"] = true;
            }

            if (context.Value(capabilities) is { Length: > 0 } given)
            {
                request["capabilities"] = new JsonArray([.. given.Select(c => JsonValue.Create(c))]);
            }

            if (context.Value(metadata) is { Length: > 0 } pairs)
            {
                request["metadata"] = BodyFile.Pairs(pairs, "--metadata");
            }

            if (request["prompt"] is null)
            {
                throw new CliFailure(ExitCodes.Usage, "error: give the task's prompt (swarm tasks submit \"...\") or a --body with one.");
            }

            using var api = context.Api();

            // Connected before submitting, so the first streamed text is not missed: task_delta goes to the submitter.
            await using var channel = context.Value(watch) ? await ChannelConnection.TryOpenAsync(api, context.Environment.Error, cancellationToken) : null;
            if (channel is not null)
            {
                request["stream"] = true;
            }

            var headers = context.Value(idempotency) is { } key ? new Dictionary<string, string> { ["Idempotency-Key"] = key } : null;
            var accepted = await api.SendAsync(HttpMethod.Post, "api/v1/tasks", request.ToJsonString(), cancellationToken, headers);
            var id = Json.Text(accepted.Body, "id") ?? throw new CliFailure(ExitCodes.ServerError, "error: the swarm accepted the task but named no id: " + accepted.Raw);
            Printer.Print(context, accepted, _ => new Text($"{id} {Json.Text(accepted.Body, "status") ?? "accepted"}\n"));
            return context.Value(watch) ? await new TaskWatch(context, api).RunAsync(id, channel, cancellationToken) : ExitCodes.Ok;
        });
        return command;
    }

    static Command List(CliEnvironment environment)
    {
        var status = new Option<string?>("--status") { Description = "Only tasks of this status (queued, running, completed, failed, canceled, awaitingApproval)." };
        var (pageSize, continuation) = Paging.Options();
        var command = new Command("list", "The queue and a page of tasks (GET /api/v1/tasks).") { status, pageSize, continuation };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(SwarmApi.WithQuery("api/v1/tasks", [("status", context.Value(status)), .. Paging.Query(context, pageSize, continuation)]), cancellationToken);
            Printer.Print(context, answer, a => new Rows(
                new Text("unfinished: " + SystemCommands.Counts(Json.At(a.Body, "queue.byStatus"))),
                Printer.WithNextPage(Tables.Of(Json.Array(a.Body, "items"),
                [
                    new("id", "id"), new("status", "status"), new("phase", "phase"), new("strategy", "strategy"),
                    new("prio", "priority"), new("agent", "agentId"), new("created", "createdAt", Instants.DateTime), new("error", "error"),
                ]), a, "swarm tasks list")));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Get(CliEnvironment environment)
    {
        var command = new Command("get", "A task: status, steps, timeline and result (GET /api/v1/tasks/{id}).") { Id };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync($"api/v1/tasks/{SwarmApi.Segment(context.Value(Id)!)}", cancellationToken);
            Printer.Print(context, answer, a => TaskViews.Full(a.Body));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Watch(CliEnvironment environment)
    {
        var command = new Command("watch", "Follow a task live to its end: steps, timeline and streamed text. Exit 0 if it completed, 6 if it failed or was canceled.") { Id };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            await using var channel = await ChannelConnection.TryOpenAsync(api, context.Environment.Error, cancellationToken);
            return await new TaskWatch(context, api).RunAsync(context.Value(Id)!, channel, cancellationToken);
        });
        return command;
    }

    /// <summary>cancel, approve and reject: a POST to <c>/api/v1/tasks/{id}/{verb}</c>, approve and reject with an optional comment.</summary>
    static Command Decide(CliEnvironment environment, string verb, string description)
    {
        var comment = new Option<string?>("--comment") { Description = "Why (kept with the decision)." };
        var command = new Command(verb, description) { Id };
        if (verb != "cancel")
        {
            command.Options.Add(comment);
        }

        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            object? body = verb == "cancel" ? null : new { comment = context.Value(comment) };
            var answer = await api.PostAsync($"api/v1/tasks/{SwarmApi.Segment(context.Value(Id)!)}/{verb}", body, cancellationToken);
            Printer.Print(context, answer, a => new Text($"{context.Value(Id)}: {verb} accepted ({a.Status})\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Feedback(CliEnvironment environment)
    {
        var rating = new Option<int>("--rating", "-r") { Description = "1 (poor) to 5 (excellent).", Required = true };
        var comment = new Option<string?>("--comment") { Description = "What was good or not (at most 2,000 characters)." };
        var command = new Command("feedback", "Rate a finished task (POST /api/v1/tasks/{id}/feedback).") { Id, rating, comment };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.PostAsync($"api/v1/tasks/{SwarmApi.Segment(context.Value(Id)!)}/feedback", new { rating = context.Value(rating), comment = context.Value(comment) }, cancellationToken);
            Printer.Print(context, answer, a => new Text($"{context.Value(Id)}: rated {context.Value(rating)} ({a.Status})\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static void Set<T>(JsonObject body, string name, T? value)
    {
        if (value is not null)
        {
            body[name] = JsonValue.Create(value);
        }
    }
}
