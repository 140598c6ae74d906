using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Domain.Consensus;
using Swarm.Providers.Simulated;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Consensus;
using Swarm.Workflows.Models;

namespace Swarm.Benchmarks.Voting;

/// <summary>
/// Ballots from the simulated provider, asked for as the swarm's <see cref="CastBallotActivity"/> asks: the same prompt
/// text, the model id naming a simulated profile, the ballot's JSON schema as the response format, and the voter's id
/// and the bare question in the options' additional properties; the reply is read as the activity reads it.
/// </summary>
sealed class SimulatedBallots(SimulatedChatClient client)
{
    /// <param name="profile">The simulated profile (its accuracy) the voter's model names.</param>
    public async Task<Ballot> AskAsync(string voterId, string profile, string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var chat = new ModelCallContext(voterId, Question: question).AttachTo(new ChatOptions
        {
            ModelId = profile,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(BallotSchema.For(options), "ballot"),
        });
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt(question, options))], chat, cancellationToken);
        return Read(voterId, response.Text, options);
    }

    /// <summary>The activity's prompt, word for word, for a first round (no earlier reasons to debate).</summary>
    static string Prompt(string question, IReadOnlyList<string> options) =>
        $"Vote on the question below: choose exactly one option, say how confident you are (0 to 1), and why.\n\nQuestion: {question}\n\nOptions:\n"
        + string.Join("\n", options.Select((o, i) => $"{i + 1}. {o}"));

    /// <summary>As the activity reads a reply, except that a reply naming no option abstains here instead of failing the call (the round would count it so).</summary>
    static Ballot Read(string voterId, string text, IReadOnlyList<string> options)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var choice = root.TryGetProperty("choice", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (choice is null || !options.Contains(choice, StringComparer.Ordinal))
        {
            return new Ballot(voterId, null);
        }

        var confidence = root.TryGetProperty("confidence", out var f) && f.TryGetDouble(out var value) ? Math.Clamp(value, 0, 1) : 1.0;
        var rationale = root.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return new Ballot(voterId, choice, confidence, rationale);
    }
}
