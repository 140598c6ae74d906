using Microsoft.DurableTask;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// Why a task failed: the first cause below the durable layers that passed it on (the activity's own error, e.g. a
/// rejected model call, rather than the SDK exception it wraps), as a short type name and its message. Kept in the
/// task's custom status so every host and backend can show it.
/// </summary>
public sealed record TaskFailure(string Type, string Message)
{
    public static TaskFailure From(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            TaskFailedException { FailureDetails: { } details } => From(details),
            TaskStoppedException stopped => new TaskFailure(stopped.Kind, stopped.Message),
            _ => new TaskFailure(error.GetType().Name, error.Message),
        };
    }

    public static TaskFailure From(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        while (failure.InnerFailure is { } inner && IsDurableWrapper(failure.ErrorType))
        {
            failure = inner;
        }

        var type = failure.ErrorType;
        return new TaskFailure(type[(type.LastIndexOf('.') + 1)..], failure.ErrorMessage);
    }

    static bool IsDurableWrapper(string errorType) =>
        errorType.StartsWith("Microsoft.DurableTask.", StringComparison.Ordinal) || errorType.StartsWith("DurableTask.Core.", StringComparison.Ordinal);
}
