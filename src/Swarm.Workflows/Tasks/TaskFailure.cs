using Microsoft.DurableTask;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// Why a task failed: the innermost cause (the provider's error, not the layers that passed it on), as a short
/// type name and its message. Kept in the task's custom status so every host and backend can show it.
/// </summary>
public sealed record TaskFailure(string Type, string Message)
{
    public static TaskFailure From(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is TaskFailedException { FailureDetails: { } details }
            ? From(details)
            : new TaskFailure(error.GetType().Name, error.Message);
    }

    public static TaskFailure From(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        while (failure.InnerFailure is { } inner)
        {
            failure = inner;
        }

        var type = failure.ErrorType;
        return new TaskFailure(type[(type.LastIndexOf('.') + 1)..], failure.ErrorMessage);
    }
}
