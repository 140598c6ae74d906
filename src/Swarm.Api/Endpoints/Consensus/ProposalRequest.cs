using Swarm.Domain.Consensus;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>The body of <c>POST /api/v1/consensus/proposal</c>.</summary>
/// <param name="Participants">Named agents, or the N agents with a capability that have the best reputation for it.</param>
/// <param name="DeadlineSeconds">How long each round waits for ballots; 300 when omitted.</param>
/// <param name="MaxRounds">Rounds of debate before the proposal ends undecided; 2 when omitted.</param>
/// <param name="SharedWith">Who else may read it besides its proposer: subjects, or <c>role:{name}</c> (see <c>ShareTargets</c>).</param>
public sealed record ProposalRequest(
    string? Question,
    IReadOnlyList<string>? Options,
    ConsensusAlgorithm? Algorithm = null,
    double? Threshold = null,
    double? Quorum = null,
    TiePolicy? Ties = null,
    string? StatusQuo = null,
    double? MaxWeightShare = null,
    ProposalParticipants? Participants = null,
    string? Capability = null,
    int? DeadlineSeconds = null,
    int? MaxRounds = null,
    IReadOnlyList<string>? SharedWith = null)
{
    public const int MaxOptions = 10;
    public const int MaxParticipants = 50;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Question) || Question.Length > 4_000)
        {
            errors.Add(new("question", "is required and at most 4000 characters."));
        }

        var options = Options ?? [];
        if (options.Count is < 2 or > MaxOptions || options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 500) || options.Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            errors.Add(new("options", $"must be 2 to {MaxOptions} distinct, non-blank options of at most 500 characters."));
        }

        if (Threshold is { } threshold && threshold is not (> 0.5 and <= 1))
        {
            errors.Add(new("threshold", "must be more than 0.5 and at most 1."));
        }

        if (Quorum is { } quorum && quorum is not (>= 0 and <= 1))
        {
            errors.Add(new("quorum", "must be between 0 and 1."));
        }

        if (MaxWeightShare is { } share && share is not (> 0 and <= 1))
        {
            errors.Add(new("maxWeightShare", "must be more than 0 and at most 1."));
        }

        if (StatusQuo is not null && !options.Contains(StatusQuo, StringComparer.Ordinal))
        {
            errors.Add(new("statusQuo", "must be one of the options."));
        }

        if (Ties == TiePolicy.StatusQuo && StatusQuo is null)
        {
            errors.Add(new("statusQuo", "is required when ties keep the status quo."));
        }

        var who = Participants;
        if (who is null || (who.Agents is null) == (who.Capability is null))
        {
            errors.Add(new("participants", "give either 'agents' (ids) or 'capability' with 'count'."));
        }
        else if (who.Agents is { } agents && (agents.Count is < 1 or > MaxParticipants || agents.Any(a => !Domain.Agents.AgentProfileRules.IsAgentId(a))))
        {
            errors.Add(new("participants.agents", $"must be 1 to {MaxParticipants} agent ids."));
        }
        else if (who.Capability is not null && (who.Count is null or < 1 or > MaxParticipants || !Domain.Agents.AgentProfileRules.IsSkill(who.Capability)))
        {
            errors.Add(new("participants.count", $"must be 1 to {MaxParticipants}, with a capability of lowercase letters, digits or '-'."));
        }

        if (DeadlineSeconds is < 1 or > 86_400)
        {
            errors.Add(new("deadlineSeconds", "must be between 1 and 86400."));
        }

        if (MaxRounds is < 1 or > 5)
        {
            errors.Add(new("maxRounds", "must be between 1 and 5."));
        }

        return errors;
    }
}

/// <summary>Who votes: <paramref name="Agents"/> by id, or <paramref name="Count"/> agents with <paramref name="Capability"/>.</summary>
public sealed record ProposalParticipants(IReadOnlyList<string>? Agents = null, string? Capability = null, int? Count = null);
