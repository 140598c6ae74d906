using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Domain.Consensus;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>
/// <c>POST /api/v1/consensus/proposal</c>: validates the proposal and starts its durable rounds of voting; <c>202</c> with
/// the id and <c>Location</c>. The proposal is durable once this returns. Its proposer may read it, and whoever it is
/// <c>sharedWith</c> (see <see cref="ReadScope"/>).
/// </summary>
public sealed class CreateProposalHandler(SwarmSettings settings, RoleGrants roles) : IApiHandler
{
    public const string IdPrefix = "proposal-";

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var body = await ApiJson.ReadBodyAsync<ProposalRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        IReadOnlyList<Domain.Tasks.FieldError> errors = [.. body.Validate(), .. ShareTargets.Validate("sharedWith", body.SharedWith, roles, required: false)];
        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var id = IdPrefix + Guid.NewGuid().ToString("N");
        var readers = body.SharedWith ?? [];
        if (await ResourceSharing.RefusalAsync(durable, id, readers, cancellationToken) is { } full)
        {
            return ApiResponse.Problem(full);
        }

        var defaults = new ConsensusRules(ConsensusAlgorithm.SimpleMajority);
        var rules = new ConsensusRules(
            body.Algorithm ?? ConsensusAlgorithm.SimpleMajority,
            body.Threshold ?? defaults.Threshold,
            body.Quorum ?? defaults.Quorum,
            body.Ties ?? TiePolicy.NoDecision,
            body.StatusQuo,
            body.MaxWeightShare ?? defaults.MaxWeightShare);
        var input = new ProposalInput(
            id,
            body.Question!,
            body.Options!,
            rules,
            new ParticipantSpec(body.Participants!.Agents, body.Participants.Capability, body.Participants.Count),
            body.Capability ?? body.Participants.Capability,
            TimeSpan.FromSeconds(body.DeadlineSeconds ?? 300),
            body.MaxRounds ?? 2,
            request.Principal!.Subject,
            Notify: settings.Realtime.Active,
            NotifyGroup: settings.Realtime.Active,
            Learn: settings.Learning.Enabled,
            DispatchShards: settings.Dispatch.Shards);
        await new ProposalClient(durable).StartAsync(input, id, CancellationToken.None);
        await ResourceSharing.ShareAsync(durable, id, readers);

        var location = SwarmRoutes.GetProposal.PathFor(("id", id));
        var accepted = ApiResponse.Accepted(new ProposalAccepted(id, "voting", location), location);
        return readers.Count > 0 ? accepted with { AuditDetail = ResourceSharing.Detail(readers) } : accepted;
    }

    public static bool IsProposalId(string? id) =>
        id is { Length: 41 } && id.StartsWith(IdPrefix, StringComparison.Ordinal) && id[IdPrefix.Length..].All(char.IsAsciiHexDigitLower);
}
