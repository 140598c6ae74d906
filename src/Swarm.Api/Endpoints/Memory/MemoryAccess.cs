using Swarm.Domain.Memory;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Memory;

/// <summary>Route checks shared by the memory endpoints: well-formed names, and agents kept to their own namespace.</summary>
static class MemoryAccess
{
    /// <summary>The problem with the request's namespace and key, or null when they may be used by this caller.</summary>
    public static ApiResponse? Refusal(ApiRequest request, out string memoryNamespace, out string? key)
    {
        memoryNamespace = request.RouteValues.GetValueOrDefault("namespace") ?? string.Empty;
        key = request.RouteValues.GetValueOrDefault("key");
        var errors = new List<FieldError>();
        if (!MemoryShelf.IsName(memoryNamespace))
        {
            errors.Add(new("namespace", "must be 1 to 128 letters, digits, '.', '_' or '-'."));
        }

        if (key is not null && !MemoryShelf.IsName(key))
        {
            errors.Add(new("key", "must be 1 to 128 letters, digits, '.', '_' or '-'."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        // An agent's memory is the namespace named by its id. Any other is refused the same way whether it exists or not,
        // so the answer tells an agent nothing about what others have stored.
        return request.Principal is { AgentId: { } agentId } caller && !caller.CanActFor(memoryNamespace)
            ? ApiResponse.Problem(Problems.NotPermitted($"An agent may use only its own memory namespace, '{agentId}'."))
            : null;
    }
}
