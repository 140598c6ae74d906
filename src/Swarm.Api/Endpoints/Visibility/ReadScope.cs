using Microsoft.DurableTask.Client;
using Swarm.Application.Security;
using Swarm.Workflows.Visibility;

namespace Swarm.Api.Endpoints.Visibility;

/// <summary>
/// Which tasks and proposals one caller may read, beyond the route's permission: everyone's with <c>tasks:read:any</c>
/// (<c>consensus:read:any</c>); otherwise what it submitted (proposed), what was shared with it or with one of its roles,
/// and for an agent the tasks it works on and the proposals it votes on. What a caller may not read does not exist for
/// it: a 404, left out of lists, searches and groups, never a 403 that would tell it the id is real. Built per request;
/// the caller's shares are read once, on first need, so a submitter reading its own task costs no extra read.
/// </summary>
public sealed class ReadScope(SwarmPrincipal principal, DurableTaskClient durable)
{
    /// <summary>How a share names every holder of a role rather than one subject: <c>role:viewer</c>.</summary>
    public const string RolePrefix = "role:";

    HashSet<string>? shared;

    public SwarmPrincipal Principal => principal;

    /// <summary>The scope of <paramref name="request"/>'s caller (set by the dispatcher before any handler runs).</summary>
    public static ReadScope Of(ApiRequest request, DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ReadScope(request.Principal ?? throw new InvalidOperationException("The dispatcher sets the principal before a handler runs."), durable);
    }

    public bool ReadsAnyTask => principal.Has(Permissions.TasksReadAny);

    public bool ReadsAnyProposal => principal.Has(Permissions.ConsensusReadAny);

    /// <summary>Whether the caller submitted (or proposed) what <paramref name="submittedBy"/> names.</summary>
    public bool Owns(string? submittedBy) => string.Equals(submittedBy, principal.Subject, StringComparison.Ordinal);

    /// <summary>Whether the caller may read <paramref name="task"/>.</summary>
    public ValueTask<bool> CanReadAsync(Tasks.TaskView task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return CanReadTaskAsync(task.Id, task.SubmittedBy, task.AgentId is { } latest ? task.Agents.Append(latest) : task.Agents, cancellationToken);
    }

    /// <summary>Whether the caller may read the task as the task index holds it.</summary>
    public ValueTask<bool> CanReadAsync(Swarm.Workflows.Tasks.Index.TaskIndexEntry task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return CanReadTaskAsync(task.TaskId, task.SubmittedBy, task.AgentId is { } latest ? task.Agents.Append(latest) : task.Agents, cancellationToken);
    }

    /// <summary>
    /// Whether the caller reads only the tasks it submitted: not everyone's, not an agent's (it reads what it works on),
    /// and nothing shared with it or its roles. Such a caller's listing is its own partition of the task index.
    /// </summary>
    public async ValueTask<bool> ReadsOnlyOwnTasksAsync(CancellationToken cancellationToken) =>
        !ReadsAnyTask && principal.AgentId is null && !(await SharedAsync(cancellationToken)).Any(Swarm.Domain.Tasks.TaskId.IsWellFormed);

    /// <summary>Whether the caller may read the task <paramref name="taskId"/>, submitted by <paramref name="submittedBy"/>, worked on by <paramref name="agents"/>.</summary>
    public async ValueTask<bool> CanReadTaskAsync(string taskId, string? submittedBy, IEnumerable<string> agents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agents);
        return ReadsAnyTask
            || Owns(submittedBy)
            || (principal.AgentId is { } agentId && agents.Contains(agentId, StringComparer.Ordinal))
            || await IsSharedAsync(taskId, cancellationToken);
    }

    /// <summary>
    /// Whether the caller may read a proposal, before the rule of the task it belongs to (see
    /// <see cref="Consensus.ProposalAccess"/>): everyone's, its own, one it votes on, or one shared with it.
    /// </summary>
    public async ValueTask<bool> CanReadProposalAsync(string proposalId, string? proposedBy, IEnumerable<string> voters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voters);
        return ReadsAnyProposal
            || Owns(proposedBy)
            || (principal.AgentId is { } agentId && voters.Contains(agentId, StringComparer.Ordinal))
            || await IsSharedAsync(proposalId, cancellationToken);
    }

    async ValueTask<bool> IsSharedAsync(string resourceId, CancellationToken cancellationToken) =>
        (await SharedAsync(cancellationToken)).Contains(resourceId);

    async ValueTask<HashSet<string>> SharedAsync(CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            // The caller is every reader a share may name: its subject and each of its roles.
            var client = new SharesClient(durable);
            var readers = principal.Roles.Select(r => RolePrefix + r).Prepend(principal.Subject);
            var records = await Task.WhenAll(readers.Select(r => client.GetAsync(r, cancellationToken)));
            shared = records.SelectMany(r => r.Resources).ToHashSet(StringComparer.Ordinal);
        }

        return shared;
    }
}
