using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;
using Swarm.Cli.Realtime;
using Swarm.Cli.Watching;

namespace Swarm.Cli.Commands;

/// <summary><c>swarm consensus propose|list|get|vote|watch</c>.</summary>
static class ConsensusCommands
{
    static readonly Argument<string> Id = new("id") { Description = "The proposal's id." };

    public static Command Build(CliEnvironment environment)
    {
        var consensus = new Command("consensus", "Open proposals, vote, and watch the ballots arrive.");
        consensus.Subcommands.Add(Propose(environment));
        consensus.Subcommands.Add(List(environment));
        consensus.Subcommands.Add(Get(environment));
        consensus.Subcommands.Add(Vote(environment));
        consensus.Subcommands.Add(Watch(environment));
        return consensus;
    }

    static Command Propose(CliEnvironment environment)
    {
        var question = new Argument<string?>("question") { Description = "What is to be decided (or give it in --body).", Arity = ArgumentArity.ZeroOrOne };
        var options = new Option<string[]>("--option", "-o") { Description = "A choice (2 to 10; repeat)." };
        var algorithm = new Option<string?>("--algorithm", "-a") { Description = "simpleMajority, superMajority, unanimous, weighted or delegated." };
        var agents = new Option<string[]>("--agent") { Description = "A participant agent's id (repeat); or use --capability and --count." };
        var capability = new Option<string?>("--capability") { Description = "Participants: agents with this capability." };
        var count = new Option<int?>("--count") { Description = "How many agents of --capability vote." };
        var deadline = new Option<int?>("--deadline") { Description = "Seconds a round stays open." };
        var body = new Option<string?>("--body") { Description = "A JSON file with the whole request (- for standard input); flags are set on top." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Then watch the ballots arrive until the decision (exit 0 decided, 6 not)." };
        var command = new Command("propose", "Start a durable vote (POST /api/v1/consensus/proposal).") { question, options, algorithm, agents, capability, count, deadline, body, watch };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            var request = BodyFile.Read(context, context.Value(body));
            if (context.Value(question) is { } text)
            {
                request["question"] = text;
            }

            if (context.Value(options) is { Length: > 0 } choices)
            {
                request["options"] = new JsonArray([.. choices.Select(c => JsonValue.Create(c))]);
            }

            if (context.Value(algorithm) is { } rule)
            {
                request["algorithm"] = rule;
            }

            if (context.Value(deadline) is { } seconds)
            {
                request["deadlineSeconds"] = seconds;
            }

            if (context.Value(agents) is { Length: > 0 } named)
            {
                request["participants"] = new JsonObject { ["agents"] = new JsonArray([.. named.Select(a => JsonValue.Create(a))]) };
            }
            else if (context.Value(capability) is { } wanted)
            {
                var participants = new JsonObject { ["capability"] = wanted };
                if (context.Value(count) is { } n)
                {
                    participants["count"] = n;
                }

                request["participants"] = participants;
            }

            using var api = context.Api();
            await using var channel = context.Value(watch) ? await ChannelConnection.TryOpenAsync(api, context.Environment.Error, cancellationToken) : null;
            var answer = await api.PostAsync("api/v1/consensus/proposal", request.ToJsonString(), cancellationToken);
            var id = Json.Text(answer.Body, "id") ?? throw new CliFailure(ExitCodes.ServerError, "error: the swarm accepted the proposal but named no id: " + answer.Raw);
            Printer.Print(context, answer, _ => new Text($"{id} voting\n"));
            return context.Value(watch) ? await new ProposalWatch(context, api).RunAsync(id, channel, cancellationToken) : ExitCodes.Ok;
        });
        return command;
    }

    static Command List(CliEnvironment environment)
    {
        var status = new Option<string?>("--status") { Description = "voting, decided, undecided or failed." };
        var (pageSize, continuation) = Paging.Options();
        var command = new Command("list", "A page of proposals (GET /api/v1/consensus/proposals).") { status, pageSize, continuation };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(SwarmApi.WithQuery("api/v1/consensus/proposals", [("status", context.Value(status)), .. Paging.Query(context, pageSize, continuation)]), cancellationToken);
            Printer.Print(context, answer, a => Printer.WithNextPage(Tables.Of(Json.Array(a.Body, "items"),
            [
                new("id", "id"), new("status", "status"), new("question", "question"), new("algorithm", "algorithm"),
                new("round", "round"), new("decision", "decision"), new("by", "proposedBy"),
            ]), a, "swarm consensus list"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Get(CliEnvironment environment)
    {
        var command = new Command("get", "A proposal: rounds, ballots, decision (GET /api/v1/consensus/proposals/{id}).") { Id };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync($"api/v1/consensus/proposals/{SwarmApi.Segment(context.Value(Id)!)}", cancellationToken);
            Printer.Print(context, answer, a =>
            {
                var parts = new List<Spectre.Console.Rendering.IRenderable>
                {
                    Tables.Details(
                    [
                        ("proposal", Json.Text(a.Body, "id")), ("status", Json.Text(a.Body, "status")), ("question", Json.Text(a.Body, "question")),
                        ("options", Json.Text(a.Body, "options")), ("round", Json.Text(a.Body, "round")), ("voters", Json.Text(a.Body, "voters")),
                        ("voted", Json.Text(a.Body, "voted")), ("decision", Json.Text(a.Body, "winner")), ("reason", Json.Text(a.Body, "reason")),
                    ]),
                };
                foreach (var round in Json.Array(a.Body, "rounds"))
                {
                    parts.Add(new Text($"round {Json.Text(round, "round")}:"));
                    parts.Add(Tables.Of(Json.Array(round, "ballots"), [new("voter", "voterId"), new("choice", "choice"), new("confidence", "confidence"), new("source", "source"), new("rationale", "rationale")]));
                }

                return new Rows(parts);
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Vote(CliEnvironment environment)
    {
        var choice = new Option<string?>("--choice") { Description = "The option voted for." };
        var confidence = new Option<double?>("--confidence") { Description = "0 to 1." };
        var rationale = new Option<string?>("--rationale") { Description = "Why." };
        var delegateTo = new Option<string?>("--delegate-to") { Description = "An agent to give this vote to (delegated rule)." };
        var command = new Command("vote", "Cast this agent's ballot (POST /api/v1/consensus/proposals/{id}/votes; an agent's API key).") { Id, choice, confidence, rationale, delegateTo };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.PostAsync($"api/v1/consensus/proposals/{SwarmApi.Segment(context.Value(Id)!)}/votes",
                new { choice = context.Value(choice), confidence = context.Value(confidence), rationale = context.Value(rationale), delegateTo = context.Value(delegateTo) }, cancellationToken);
            Printer.Print(context, answer, a => new Text($"{context.Value(Id)}: ballot accepted ({a.Status})\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Watch(CliEnvironment environment)
    {
        var command = new Command("watch", "Show the ballots as they arrive until the decision. Exit 0 decided, 6 undecided or failed.") { Id };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            await using var channel = await ChannelConnection.TryOpenAsync(api, context.Environment.Error, cancellationToken);
            return await new ProposalWatch(context, api).RunAsync(context.Value(Id)!, channel, cancellationToken);
        });
        return command;
    }
}
