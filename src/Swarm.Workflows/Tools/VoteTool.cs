using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Consensus;
using Swarm.Workflows.Consensus;

namespace Swarm.Workflows.Tools;

/// <summary>
/// The <c>vote</c> tool: a consensus round among the agents with a capability, run as the same durable
/// <see cref="ConsensusRoundOrchestrator"/> a proposal from the API runs, so every ballot is recorded and audited and
/// the round can be read at <c>GET /api/v1/consensus/proposals/{id}</c>. Its id is derived from the task, the step
/// attempt, the turn and the call's place in it, so a replay finds the same round and two votes never share one.
/// </summary>
public static class VoteTool
{
    public const int MaxOptionLength = 500;
    public const int DefaultVoters = 3;

    /// <summary>How long each voter has; the round is one round, so a tool call waits at most this long.</summary>
    public static readonly TimeSpan BallotWait = TimeSpan.FromMinutes(2);

    /// <param name="position">The call's place in its turn, e.g. <c>vote-2</c>: the round's id is derived from it, never from an id a vendor chose.</param>
    public static async Task<ToolResult> RunAsync(TaskOrchestrationContext context, string taskId, AgentProfile caller, string stage, string position, bool notify, ToolArguments arguments, int? dispatchShards = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(arguments);
        var question = arguments.RequiredText("question");
        var options = arguments.RequiredTexts("options");
        if (options.Count is < 2 or > 10 || options.Distinct(StringComparer.Ordinal).Count() != options.Count || options.Any(o => o.Length is 0 or > MaxOptionLength))
        {
            throw new ToolArgumentException($"'options' must be 2 to 10 distinct, non-empty strings of at most {MaxOptionLength} characters.");
        }

        var capability = arguments.RequiredText("capability");
        if (!AgentProfileRules.IsSkill(capability))
        {
            throw new ToolArgumentException("'capability' must be 1 to 64 lowercase letters, digits or '-'.");
        }

        var voters = arguments.WholeNumber("voters", 1, 9) ?? DefaultVoters;
        var rule = arguments.Text("rule") switch
        {
            null or "simpleMajority" => ConsensusAlgorithm.SimpleMajority,
            "superMajority" => ConsensusAlgorithm.SuperMajority,
            "unanimous" => ConsensusAlgorithm.Unanimous,
            "weighted" => ConsensusAlgorithm.Weighted,
            var other => throw new ToolArgumentException($"'rule' is '{other}'; use simpleMajority, superMajority, unanimous or weighted."),
        };

        var proposalId = ProposalIdFor(taskId, stage, position);
        var proposal = new ProposalInput(
            proposalId, question, options, new ConsensusRules(rule, Ties: TiePolicy.QueenBreaks), new ParticipantSpec(null, capability, voters),
            capability, BallotWait, MaxRounds: 1, ProposedBy: $"{Domain.Agents.AgentSubject.Of(caller.Id)} in {taskId}", notify, Learn: true, DispatchShards: dispatchShards);
        var result = await context.CallSubOrchestratorAsync<ProposalResult>(nameof(ConsensusRoundOrchestrator), proposal, new SubOrchestrationOptions { InstanceId = proposalId });
        return result.Decided
            ? ToolResult.Ok($"Decided: {result.Winner} ({result.Reason}; proposal {proposalId}).")
            : ToolResult.Ok($"No decision: {result.Reason} (proposal {proposalId}).");
    }

    /// <summary>A proposal id (<c>proposal-</c> and 32 hex digits) that the same task, step and call always give.</summary>
    public static string ProposalIdFor(string taskId, string stage, string position) =>
        "proposal-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{taskId}\u0000{stage}\u0000{position}")))[..32];
}
