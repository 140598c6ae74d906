using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>
/// Who may read a proposal: <see cref="ReadScope.CanReadProposalAsync"/> (everyone's, one's own, one an agent votes on,
/// one shared), and, for a proposal a task made, whoever may read that task: its question is the task's prompt and its
/// options are the agents' answers, so it is exactly as private as the task.
/// </summary>
public static class ProposalAccess
{
    /// <summary>How <c>VoteTool</c> names the proposer of a vote an agent calls during a task: <c>agent:{id} in {taskId}</c>.</summary>
    const string InTask = " in ";

    /// <summary>
    /// The task a proposal belongs to: a consensus task's vote is proposed by the task itself (its id), a vote an agent
    /// called during a task by <c>agent:{id} in {taskId}</c>; null for a proposal a person made.
    /// </summary>
    public static string? TaskOf(string? proposedBy)
    {
        if (TaskId.IsWellFormed(proposedBy))
        {
            return proposedBy;
        }

        var at = proposedBy?.LastIndexOf(InTask, StringComparison.Ordinal) ?? -1;
        return at > 0 && TaskId.IsWellFormed(proposedBy![(at + InTask.Length)..]) ? proposedBy[(at + InTask.Length)..] : null;
    }

    /// <summary>Whether <paramref name="scope"/>'s caller may read the proposal <paramref name="instance"/>.</summary>
    public static async ValueTask<bool> CanReadAsync(ReadScope scope, OrchestrationMetadata instance, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(instance);
        var input = instance.ReadInputAs<ProposalInput>();
        var view = ProposalView.From(instance);
        var voters = view.Voters
            .Concat(view.Participants?.Select(v => v.Id) ?? [])
            .Concat(input?.Participants.AgentIds ?? []);
        return await scope.CanReadProposalAsync(view.Id, view.ProposedBy, voters, cancellationToken)
            || (TaskOf(view.ProposedBy) is { } taskId && await TaskLookup.FindByIdAsync(taskId, durable, scope, cancellationToken) is not null);
    }
}
