using Microsoft.DurableTask.Client;
using Swarm.Domain.Memory;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Memory;

/// <summary>
/// Route checks shared by the memory endpoints: well-formed names, and an agent kept to the namespaces its
/// <see cref="MemoryScope"/> allows, the same rule its memory tools follow: its own, and the team namespaces its role
/// grants (read-only grants for reads only). A task's shared namespace is reached through the tools, while working on
/// the task; people and programs with the memory permissions reach every namespace but the namespaces of tasks they may
/// not read (see <see cref="Visibility.ReadScope"/>).
/// </summary>
static class MemoryAccess
{
    /// <summary>The request's namespace and key, and the problem with them, or a null refusal when this caller may use them.</summary>
    /// <param name="write">Whether the request changes the namespace (put, delete).</param>
    public static async Task<(ApiResponse? Refusal, string Namespace, string? Key)> CheckAsync(ApiRequest request, DurableTaskClient durable, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var memoryNamespace = request.RouteValues.GetValueOrDefault("namespace") ?? string.Empty;
        var key = request.RouteValues.GetValueOrDefault("key");
        var errors = new List<FieldError>();
        if (!MemoryShelf.IsName(memoryNamespace))
        {
            errors.Add(new("namespace", MemoryShelf.NameRule));
        }

        if (key is not null && !MemoryShelf.IsName(key))
        {
            errors.Add(new("key", MemoryShelf.NameRule));
        }

        if (errors.Count > 0)
        {
            return (ApiResponse.Problem(Problems.Validation(errors)), memoryNamespace, key);
        }

        if (request.Principal is not { AgentId: { } agentId })
        {
            // A task's namespace is its working memory (what its agents noted): as private as the task itself, and a
            // task the caller may not read is a 404 here too, the same as for a task that never was.
            return TaskId.IsWellFormed(memoryNamespace) && await Tasks.TaskLookup.FindByIdAsync(memoryNamespace, durable, Visibility.ReadScope.Of(request, durable), cancellationToken) is null
                ? (ApiResponse.Problem(Problems.NotFound($"There is no task with id '{memoryNamespace}'.")), memoryNamespace, key)
                : (null, memoryNamespace, key);
        }

        if (string.Equals(agentId, memoryNamespace, StringComparison.Ordinal))
        {
            return (null, memoryNamespace, key);
        }

        // Any other namespace is refused with one answer, whatever the namespace and whether it exists, so the answer
        // tells an agent nothing about what others have stored.
        var ledger = await new AgentClient(durable).GetAsync(agentId, cancellationToken);
        var scope = ledger is null ? null : MemoryScope.For(ledger.Ledger.Profile, taskId: null);
        var allowed = scope is not null && (write ? scope.CanWrite(memoryNamespace) : scope.CanRead(memoryNamespace));
        return (allowed ? null : ApiResponse.Problem(Problems.NotPermitted($"Agent '{agentId}' may use only {scope?.Reach ?? $"its own memory namespace ('{agentId}')"}.")), memoryNamespace, key);
    }
}
