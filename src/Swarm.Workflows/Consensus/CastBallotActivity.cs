using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Consensus;

/// <summary>
/// Asks a voter's model for its ballot as structured output (<see cref="BallotSchema"/>). A reply that is not a ballot,
/// or names no option, fails as a rejected call: the round then counts that voter as abstaining, with the reason.
/// </summary>
public sealed class CastBallotActivity(IChatClientProvider clients, ModelCallLimits limits) : TaskActivity<BallotRequest, BallotReply>
{
    public override async Task<BallotReply> RunAsync(TaskActivityContext context, BallotRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var provider = input.Voter.Provider;
        var options = ModelCallOptions.For(input.Voter, input.Capability, input.Question);
        options.ResponseFormat = ChatResponseFormat.ForJsonSchema(BallotSchema.For(input.Options), "ballot", "One vote: the chosen option, a confidence from 0 to 1, and why.");
        var clock = Stopwatch.StartNew();
        var response = await limits.RunAsync("ballot call", token =>
            clients.GetClient(provider).GetResponseAsync([new ChatMessage(ChatRole.System, Domain.Agents.AgentInstructions.For(input.Voter)), new ChatMessage(ChatRole.User, Prompt(input))], options, token));

        var answer = ModelAnswers.From(response, provider, clock.ElapsedMilliseconds);
        var (choice, confidence, rationale) = Read(response.Text, input.Options, provider);
        return new BallotReply(choice, confidence, rationale, answer);
    }

    static string Prompt(BallotRequest input)
    {
        var options = string.Join("\n", input.Options.Select((o, i) => $"{i + 1}. {o}"));
        var debate = input.EarlierRationales.Count == 0 ? "" :
            "\n\nThe last round did not decide. The voters' reasons, without their names:\n" + string.Join("\n", input.EarlierRationales.Select((r, i) => $"- Voter {i + 1}: {r}"));
        return $"Vote on the question below: choose exactly one option, say how confident you are (0 to 1), and why.\n\nQuestion: {input.Question}\n\nOptions:\n{options}{debate}";
    }

    static (string Choice, double Confidence, string? Rationale) Read(string text, IReadOnlyList<string> options, Domain.Agents.ProviderSettings provider)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var choice = root.TryGetProperty("choice", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (choice is not null && options.Contains(choice, StringComparer.Ordinal))
            {
                var confidence = root.TryGetProperty("confidence", out var f) && f.TryGetDouble(out var value) ? Math.Clamp(value, 0, 1) : 1.0;
                var rationale = root.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                return (choice, confidence, rationale is { Length: > 2_000 } ? rationale[..2_000] : rationale);
            }
        }
        catch (JsonException)
        {
            // Reported below with the reply itself.
        }

        var quoted = text.Length <= 200 ? text : text[..200] + "…";
        throw new ModelCallRejectedException($"{provider.Type}:{provider.Model} cast no valid ballot (a JSON object with one of the options as its choice): \"{quoted}\"");
    }
}
