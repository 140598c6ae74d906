using System.Text.Json;
using Spectre.Console;
using Swarm.Cli.Api;
using Swarm.Cli.Output;
using Swarm.Cli.Realtime;

namespace Swarm.Cli.Watching;

/// <summary>
/// Follows a proposal to its decision, printing each ballot as it arrives: who voted as the channel's
/// <c>ballot_cast</c> says (never the choice, which the swarm keeps until the round is counted), then each counted
/// round's ballots with their choices from <c>GET /api/v1/consensus/proposals/{id}</c>. Without a channel, the
/// proposal's <c>voted</c> list read every second says the same, a little later.
/// </summary>
sealed class ProposalWatch(CommandContext context, SwarmApi api)
{
    static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    readonly HashSet<string> announced = [];
    readonly HashSet<int> countedRounds = [];
    readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public async Task<int> RunAsync(string proposalId, ChannelConnection? channel, CancellationToken cancellationToken)
    {
        var path = $"api/v1/consensus/proposals/{SwarmApi.Segment(proposalId)}";
        if (channel is not null)
        {
            await channel.JoinAsync($"proposal.{proposalId}", cancellationToken);
        }

        var nextPoll = DateTimeOffset.MinValue;
        while (true)
        {
            if (DateTimeOffset.UtcNow >= nextPoll)
            {
                var proposal = (await api.GetAsync(path, cancellationToken)).Body;
                Report(proposal);
                if (Json.Text(proposal, "status") is { } status && status != "voting")
                {
                    return Finish(proposal, status);
                }

                nextPoll = DateTimeOffset.UtcNow + PollEvery;
            }

            var wait = nextPoll - DateTimeOffset.UtcNow;
            var message = channel is { IsOpen: true } ? await channel.NextAsync(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), cancellationToken) : null;
            if (message is null)
            {
                if (channel is not { IsOpen: true } && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                continue;
            }

            var data = Json.At(message.Value, "data") ?? default;
            if (Json.Text(data, "proposalId") is { } about && about != proposalId)
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

            switch (Json.Text(message.Value, "type"))
            {
                case "ballot_cast":
                    Announce(Json.Text(data, "round"), Json.Text(data, "voterId"), Json.Text(data, "at"));
                    break;
                case "proposal_decided":
                    nextPoll = DateTimeOffset.MinValue;
                    break;
                case "error":
                    Say($"note: the channel refused a frame: {Json.Text(data, "detail")}");
                    break;
            }
        }
    }

    /// <summary>Ballots the proposal shows that were not printed yet: who has voted in the open round, and every counted round.</summary>
    void Report(JsonElement proposal)
    {
        var round = Json.Text(proposal, "round");
        foreach (var voter in Json.Array(proposal, "voted"))
        {
            Announce(round, Json.Text(voter), null);
        }

        foreach (var counted in Json.Array(proposal, "rounds"))
        {
            if (Json.At(counted, "round") is { ValueKind: JsonValueKind.Number } number && countedRounds.Add(number.GetInt32()))
            {
                Say($"round {number.GetInt32()} counted:");
                foreach (var ballot in Json.Array(counted, "ballots"))
                {
                    Say($"  {Json.Text(ballot, "voterId")}: {Json.Text(ballot, "choice") ?? "(no ballot: " + Json.Text(ballot, "problem") + ")"}"
                        + (Json.Text(ballot, "rationale") is { } why ? $" ({Tables.Cut(why)})" : ""));
                }
            }
        }
    }

    void Announce(string? round, string? voter, string? at)
    {
        if (voter is not null && announced.Add($"{round}/{voter}"))
        {
            Say($"round {round}: {voter} voted" + (at is null ? "" : $" at {Instants.TimeOfDay(at)}"));
        }
    }

    int Finish(JsonElement proposal, string status)
    {
        if (context.Json)
        {
            context.Environment.Output.WriteLine(proposal.GetRawText());
        }
        else
        {
            context.Environment.Terminal.Write(Tables.Details(
            [
                ("proposal", Json.Text(proposal, "id")),
                ("status", status),
                ("decision", Json.Text(proposal, "winner")),
                ("reason", Json.Text(proposal, "reason")),
            ]));
        }

        return status == "decided" ? ExitCodes.Ok : ExitCodes.TaskFailed;
    }

    void Say(string line)
    {
        if (!context.Json)
        {
            context.Environment.Terminal.WriteLine(line, Style.Plain);
        }
    }
}
